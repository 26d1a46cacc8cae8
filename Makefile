# Tongwen developer commands.  `make run` and `make test` work on a fresh machine:
# they create .venv with the newest Python >= 3.12 that actually runs, install the
# project into it, then launch the app or run lint, type check and the test suite.
# Before that they check the system packages Qt needs (tools/check-system.sh, from the
# list tools/system-packages.txt): as root they install what is missing, otherwise they
# print the one install command and stop.

VENV      := .venv
PY        := $(VENV)/bin/python
STAMP     := $(VENV)/.installed
ARGS      ?=

.PHONY: run test test-slow lint typecheck pytest bench screenshots i18n package clean venv lock

venv: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	@set -e; \
	if [ ! -x "$(PY)" ]; then \
	  bash tools/check-system.sh --purpose venv; \
	  py=$$(sh .ci/find-python); \
	  echo "Creating $(VENV) with $$py ($$($$py -c 'import sys; print(sys.version.split()[0])'))"; \
	  "$$py" -m venv $(VENV); \
	fi
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test]'
	@touch $(STAMP)

run: system-run $(STAMP)
	@if [ "$$(uname -s)" = "Linux" ] && [ -z "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ] \
	   && [ -z "$$QT_QPA_PLATFORM" ]; then \
	  echo "Tongwen needs a display, and this Linux session has none (DISPLAY and WAYLAND_DISPLAY are unset)."; \
	  echo "To run it on a virtual display, use:  xvfb-run make run"; \
	  exit 1; \
	fi
	$(VENV)/bin/tongwen $(ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check desktop tests tools
	$(VENV)/bin/ruff format --check desktop tests tools

typecheck: $(STAMP)
	$(VENV)/bin/mypy

# The suite runs on the machine's CPUs, at most four workers (pytest-xdist): each worker
# is its own process with its own offscreen QApplication and temporary folders.
# PYTEST_WORKERS=0 runs it in one process.
PYTEST_WORKERS ?= auto
pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -q -n $(PYTEST_WORKERS) --maxprocesses 4 $(ARGS)

test: system-test lint typecheck pytest

# The system packages of tools/system-packages.txt for one purpose (run, test, package).
.PHONY: system-run system-test system-package check-fresh
system-run system-test system-package:
	@bash tools/check-system.sh --purpose $(@:system-%=%)

# The README's commands and .ci/run in a fresh minimal Debian 13 chroot (root only; the
# chroot is built once and cached outside the repo).  See tools/check-fresh.sh.
check-fresh:
	bash tools/check-fresh.sh $(ARGS)

# The long fault-injection and hostile-input runs (kills, full disks, hostile files).
test-slow: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -q -m stress $(ARGS)

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.bench $(ARGS)

# The README's screenshots (resources/screenshots/*.png) in the 简体 and 繁體 UI, light, dark and sepia.
screenshots: $(STAMP)
	$(PY) resources/screenshots/make_screenshots.py

# Translations: re-extract strings, derive 繁體 from 简体 where not hand-made, compile .qm.
# `make i18n ARGS=reader` limits it to one area, a package of desktop/ui (see tools/i18n_tools.py).
i18n: $(STAMP)
	$(PY) tools/i18n_tools.py update $(ARGS)

# constraints.txt pins every package `make venv` and `make package` install, so that
# `make test` on any machine tests exactly the set CI tested.  `make lock` refreshes it
# with the newest versions pyproject.toml's bounds allow, resolved in a throwaway venv
# (.venv is left alone; the next `make` reinstalls it from the new pins).
lock:
	@set -e; \
	tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	py=$$(sh .ci/find-python); \
	"$$py" -m venv "$$tmp/venv"; \
	"$$tmp/venv/bin/python" -m pip install --quiet --upgrade pip; \
	"$$tmp/venv/bin/python" -m pip install --quiet -e '.[test,package]'; \
	{ echo "# Exact versions for pip install -c constraints.txt (make venv, make package)."; \
	  echo "# Made by make lock with Python $$("$$py" -c 'import platform; print(platform.python_version())') on $$(uname -s); do not edit by hand."; \
	  "$$tmp/venv/bin/python" -m pip freeze --exclude-editable; } > "$$tmp/constraints.txt"; \
	mv "$$tmp/constraints.txt" constraints.txt
	@echo "constraints.txt refreshed; run make test before committing it"

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache .ruff_cache

# Packaging (issue 7): the PyInstaller bundle dist/tongwen/ and, on Debian/Ubuntu,
# dist/tongwen_<version>_<arch>.deb.  `make package-test` runs their self-tests.
.PHONY: package-test
PKG_STAMP := $(VENV)/.installed-package

$(PKG_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test,package]'
	@touch $(PKG_STAMP)

package: system-package $(PKG_STAMP)
	$(VENV)/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller build.spec
	@if command -v dpkg-deb >/dev/null; then bash resources/packaging/build_deb.sh; \
	else echo "dpkg-deb not found: the .deb is built on Debian/Ubuntu only"; fi

package-test: package
	bash resources/packaging/ci_package_check.sh --no-build
