#include <hpdf.h>
// mallopt: the receipts keep freed heap that zlib's per-stream deflate state would otherwise give back
// and fault in again for every PDF (Sources/Receipts/Render/PDFEngine.swift).
#include <malloc.h>
