# RL Notes: one command to regenerate the report, one to test it.
SWIFT ?= swift
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
APT_PACKAGES = libcairo2-dev libpango1.0-dev poppler-utils fonts-texgyre fonts-texgyre-math lrslib
# The tests also open the web edition in a real browser.
TEST_PACKAGES = $(APT_PACKAGES) chromium

.PHONY: report test check deps deps-test install-missing bench clean

## report: install what is missing, build in release mode, regenerate output/
report: deps
	$(SWIFT) build -c release --product report
	.build/release/report --jobs $(JOBS)

## test: run the test suite (it installs Chromium for the browser tests if missing)
test: deps-test
	$(SWIFT) test

## check: regenerate into a temporary folder and compare with the committed output/
check: deps
	$(SWIFT) build -c release --product report
	.build/release/report check --jobs $(JOBS)

## bench: time the dyna experiments, a no-change rerun and a full render (release)
bench: deps
	$(SWIFT) build -c release --product report
	scripts/bench.sh

## deps: install the Debian packages the build and the checks need, if any is missing
deps:
	@$(MAKE) --no-print-directory install-missing PACKAGES="$(APT_PACKAGES)"

## deps-test: the same, and Chromium for the web edition's browser tests
deps-test:
	@$(MAKE) --no-print-directory install-missing PACKAGES="$(TEST_PACKAGES)"

install-missing:
	@missing=""; for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

clean:
	rm -rf .build
