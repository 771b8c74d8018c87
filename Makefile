# omniflow — the two commands that matter: `make demo` and `make test`.
SWIFT ?= swift
# Debian packages the build, the tests and the receipts need.
APT_PACKAGES := libsqlite3-dev libhpdf-dev fonts-dejavu-core poppler-utils pkg-config
BENCH_ARGS ?=

.PHONY: deps build demo test bench clean receipt-fonts

deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    echo "Installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "Missing Debian packages:$$missing"; \
	    echo "Install them with: sudo apt-get update && sudo apt-get install -y$$missing"; exit 2; \
	  fi; \
	fi

build: deps
	$(SWIFT) build

demo: build
	$(SWIFT) run omniflow demo

test: deps
	$(SWIFT) test

bench: deps
	$(SWIFT) build -c release --product omniflow-bench
	$(SWIFT) run -c release omniflow-bench $(BENCH_ARGS)

# The receipt fonts (subsets of DejaVu Sans) are committed; this makes them again (Sources/Receipts/Fonts/README.md).
receipt-fonts: deps
	@dpkg-query -W -f='$${Status}' python3-fonttools 2>/dev/null | grep -q "install ok installed" || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-fonttools; }
	/usr/bin/python3 Sources/Receipts/Fonts/make-subsets.py

clean:
	rm -rf .build
