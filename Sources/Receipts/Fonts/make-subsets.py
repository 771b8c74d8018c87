#!/usr/bin/python3
"""Makes the two receipt fonts in this folder from DejaVu Sans (see README.md here).

    make receipt-fonts          # installs python3-fonttools, then runs this script

Reproducible: the same DejaVuSans.ttf and the same fontTools give the same bytes (no timestamps are
recalculated). The script refuses a source font other than the one the committed files were made from,
so a different Debian font package cannot slip in unnoticed; pass --any-source to make them anyway
(then update README.md).

Why subsets: libharu 2.3.0 embeds every glyph slot's metrics (hmtx, loca) and the whole cmap, post and
name tables of a TrueType font in each PDF and deflates them per document, so a font of 6,253 glyphs
with glyph names costs ~50 KB and most of the rendering time of a till receipt.
"""
import hashlib
import os
import sys

from fontTools import subset
from fontTools.ttLib import TTFont

SOURCE = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
# fonts-dejavu-core 2.37-6 (Debian 12): DejaVu Sans version 2.37.
SOURCE_SHA256 = "abdc775b21b1bc470d50c97e790d276f2054b7504e56e5bd3e64f48d68582322"
HERE = os.path.dirname(os.path.abspath(__file__))

# Windows-1252: what a Norwegian receipt needs (æøå, €, –, «», ‰ ...). A simple TrueType font in a PDF
# addresses 256 codes, so this font holds exactly that repertoire and nothing else.
CP1252 = sorted({ord(bytes([b]).decode("cp1252")) for b in range(0x20, 0x100)
                 if b != 0x7F and b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)})

# Broad Latin, Greek and Cyrillic with punctuation and currency signs, for text beyond Windows-1252;
# anything outside these falls back to the full DejaVu Sans.
EXTENDED_RANGES = [
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x0100, 0x017F),  # Latin Extended-A (Polish, Czech, Baltic, Turkish, Sami ...)
    (0x0180, 0x024F),  # Latin Extended-B
    (0x0250, 0x02AF),  # IPA Extensions
    (0x02B0, 0x02FF),  # Spacing Modifier Letters
    (0x0300, 0x036F),  # Combining Diacritical Marks
    (0x0370, 0x03FF),  # Greek and Coptic
    (0x0400, 0x04FF),  # Cyrillic
    (0x0500, 0x052F),  # Cyrillic Supplement
    (0x1E00, 0x1EFF),  # Latin Extended Additional (Vietnamese, Welsh ...)
    (0x1F00, 0x1FFF),  # Greek Extended
    (0x2000, 0x206F),  # General Punctuation
    (0x2070, 0x209F),  # Superscripts and Subscripts
    (0x20A0, 0x20CF),  # Currency Symbols
    (0x2100, 0x214F),  # Letterlike Symbols (№, ™, ℮)
    (0x2150, 0x218F),  # Number Forms (½ ⅓ ...)
    (0x2190, 0x21FF),  # Arrows
    (0x2212, 0x2212),  # minus sign
    (0xFB00, 0xFB06),  # Latin ligatures (ﬁ ﬂ as characters)
    (0xFFFD, 0xFFFD),  # replacement character
]

FONTS = [
    # (file, family name, PostScript name, code points)
    ("ReceiptSansCP1252.ttf", "Receipt Sans CP1252", "ReceiptSansCP1252", CP1252),
    ("ReceiptSansExtended.ttf", "Receipt Sans Extended", "ReceiptSansExtended",
     [c for first, last in EXTENDED_RANGES for c in range(first, last + 1)]),
]


def options():
    result = subset.Options()
    result.layout_features = []  # libharu draws glyph by glyph: no kerning, ligatures or mark positioning
    result.hinting = False  # PDF viewers rasterise outlines at any size; libharu 2.3.0 accepts fonts without cvt/fpgm/prep
    result.glyph_names = False  # post format 3: 62 KB of glyph names in DejaVu Sans
    result.name_IDs = [0, 1, 2, 3, 4, 5, 6, 14]  # copyright, names, version, licence URL (LICENSE holds the text)
    result.name_legacy = False
    result.name_languages = [0x0409]
    result.recalc_timestamp = False
    result.drop_tables += ["FFTM", "MATH", "gasp", "kern", "GDEF", "GPOS", "GSUB", "hdmx", "LTSH", "VDMX"]
    return result


def rename(font, family, postscript):
    """The Bitstream Vera licence allows modified copies only under names without "Bitstream" or "Vera"."""
    version = font["name"].getDebugName(5)
    names = {1: family, 2: "Book", 3: f"{postscript} (subset of DejaVu Sans, {version})", 4: family, 6: postscript}
    for record in font["name"].names:
        if record.nameID in names:
            record.string = names[record.nameID]
    for record in font["name"].names:
        text = record.toUnicode()
        if record.nameID != 0 and ("Bitstream" in text or "Vera" in text):
            sys.exit(f"name {record.nameID} still says {text!r}")


def main():
    with open(SOURCE, "rb") as file:
        digest = hashlib.sha256(file.read()).hexdigest()
    if digest != SOURCE_SHA256 and "--any-source" not in sys.argv:
        sys.exit(f"{SOURCE} has SHA-256 {digest}, not {SOURCE_SHA256} (fonts-dejavu-core 2.37-6); "
                 "pass --any-source to subset it anyway and update README.md")
    for file_name, family, postscript, code_points in FONTS:
        font = TTFont(SOURCE, recalcTimestamp=False)
        subsetter = subset.Subsetter(options())
        subsetter.populate(unicodes=code_points)
        subsetter.subset(font)
        rename(font, family, postscript)
        path = os.path.join(HERE, file_name)
        font.save(path)
        with open(path, "rb") as file:
            data = file.read()
        print(f"{file_name}: {len(TTFont(path).getGlyphOrder())} glyphs, {len(data)} bytes, "
              f"SHA-256 {hashlib.sha256(data).hexdigest()}")
    # The licence text travels with the fonts (the subsets drop the font's own copy, name 13, which
    # libharu would otherwise embed in every PDF).
    licence = TTFont(SOURCE)["name"].getDebugName(13)
    with open(os.path.join(HERE, "LICENSE"), "w", encoding="utf-8") as file:
        file.write(licence.replace("\r\n", "\n").rstrip("\n") + "\n")


if __name__ == "__main__":
    main()
