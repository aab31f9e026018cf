# Everything runs in .venv, created from requirements.txt (exact pins, each download checked
# against its hashes) on first use, with the generator installed into it from this folder
# (editable: a change to its code applies at once), as a new site installs it.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
ADDR ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1
# The engine that builds and serves the site: MkDocs 1.6 or ProperDocs, the continuation
# of MkDocs 1.x by its former maintainers (README, "Engines"); both are in requirements.txt.
ENGINE ?= mkdocs
ENGINES := mkdocs properdocs
ifeq ($(filter $(ENGINE),$(ENGINES)),)
$(error ENGINE=$(ENGINE): choose one of $(ENGINES))
endif

.PHONY: serve build test test-fast site-check validate schema lint render new-event drift clean

# The quality tests' checkers (axe-core, the Nu HTML Checker) come from npm when it is
# there; without npm those tests are skipped locally (CI installs and requires them).
NODE_DEPS := $(if $(shell command -v npm 2>/dev/null),node_modules/.installed)

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	@touch $@

$(BIN)/.installed: requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed (found %d.%d)" % sys.version_info[:2] if sys.version_info < (3, 11) else 0)'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes \
	  -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

## serve: build the site and serve it with live reload on http://$(ADDR)/ (ENGINE=properdocs: with ProperDocs)
serve: $(BIN)/.installed
	$(BIN)/$(ENGINE) serve --config-file mkdocs.yml --dev-addr $(ADDR)

## build: build the site into site/ (strict: any warning fails; ENGINE=properdocs: with ProperDocs)
build: $(BIN)/.installed
	$(BIN)/$(ENGINE) build --config-file mkdocs.yml --strict

# The tests run in parallel processes (pytest-xdist), one per core unless JOBS says; a site
# that tests only read is built once for all of them (tests/conftest.py, shared_build).
JOBS ?= auto

## test: lint, then every test (unit, build, content, browser) in parallel processes
# NO_TESTS_OK=1 (.ci/run): pytest's exit status 5, no test collected, is said and passes.
test: $(BIN)/.installed $(NODE_DEPS) lint
	@echo "$(BIN)/python -m pytest -n $(JOBS) --dist worksteal"
	@$(BIN)/python -m pytest -n $(JOBS) --dist worksteal || { status=$$?; \
	  if [ $$status -eq 5 ]; then echo "pytest collected no test (exit status 5)"; \
	    [ -n "$(NO_TESTS_OK)" ] && exit 0; fi; exit $$status; }

## test-fast: the unit tests alone, no build and no browser (seconds)
test-fast: $(BIN)/.installed
	$(BIN)/python -m pytest -n $(JOBS) -m "not build and not browser"

## test-lowest: the fast tests and a strict build with the lowest versions pyproject.toml allows (requirements-lowest.txt), in a fresh $(LOWEST) (.ci/run runs it)
# Leaves out the tests marked `pinned`, which check this repository's own pins and tools
# (requirements.txt: zizmor, actionlint), and the ten-megabyte file, which measures how
# large a file validation takes, not what a version does; the main suite runs them.
LOWEST ?= .venv-lowest
.PHONY: test-lowest
test-lowest:
	rm -rf $(LOWEST)
	$(PYTHON) -m venv $(LOWEST)
	$(LOWEST)/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes \
	  -r requirements-lowest.txt
	$(LOWEST)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps \
	  --no-build-isolation -e .
	$(LOWEST)/bin/python -m pytest -p no:cacheprovider -q -m "not build and not browser and not pinned" \
	  --deselect tests/test_hostile_input.py::test_a_ten_megabyte_file_validates
	$(LOWEST)/bin/mkdocs build --strict --quiet -d $(LOWEST)/site

## site-check: what a change to the data or the pages can break, as the workflows check it (under a minute): validate, strict build into site/, then links and hreflang of every page, valid HTML and accessibility of the pages changed since BASE (origin/main) and the home pages, and the content test
# On GitHub Actions (GITHUB_ACTIONS=true) each problem is also an annotation; BUILD_LOG
# keeps the build's output for the job summary.
site-check: $(BIN)/.installed $(NODE_DEPS)
	$(BIN)/python tools/site_check.py --base "$(BASE)" $(if $(GITHUB_ACTIONS),--github) \
	  $(if $(BUILD_LOG),--build-log "$(BUILD_LOG)")

## validate: check data/events.yaml alone, with located errors
validate: $(BIN)/.installed
	$(BIN)/python -m explainer validate

## schema: write data/events.schema.json, the data file's schema for editors' tools, for the languages in mkdocs.yml
schema: $(BIN)/.installed
	$(BIN)/explainer schema

## render: write every generated page as an HTML fragment and the hand-written pages as Markdown into rendered/, one folder per language (no MkDocs involved)
render: $(BIN)/.installed
	$(BIN)/python -m explainer render --out rendered

## new-event: add an event to fill in, e.g. make new-event ID=talks TYPE=call DATE=2026-02-03 PARTICIPANTS="rubio de-la-fuente"
new-event: $(BIN)/.installed
	$(BIN)/python -m explainer new-event "$(ID)" --type "$(TYPE)" --date "$(DATE)" \
	  $(foreach p,$(PARTICIPANTS),--participant "$(p)")

## drift: texts changed in one language but not the other, compared with BASE (origin/main)
BASE ?= origin/main
drift: $(BIN)/.installed
	$(BIN)/python -m explainer drift --base "$(BASE)"

## bench: build-time benchmark (synthetic 100 to 10,000 events, floor, serve rebuild) into bench/results.md; QUICK=1 for 100 and 1,000 only, REPEAT=N for the best of N builds
.PHONY: bench
bench: $(BIN)/.installed
	$(BIN)/python bench/run.py $(if $(QUICK),--quick) $(if $(REPEAT),--repeat $(REPEAT))

## mutation: mutation testing of the core modules (mutmut, not in CI): one line per module, killed/total and equivalent; about 20 minutes on 2 busy cores
.PHONY: mutation
mutation: $(BIN)/.installed $(BIN)/.mutation-installed
	$(BIN)/python tools/mutation/run.py

$(BIN)/.mutation-installed: requirements-mutation.txt requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes \
	  -r requirements-mutation.txt
	@touch $@

## lock: after a change to requirements*.in or the site extra in pyproject.toml, write the pins with their hashes (pip-tools; needs the package index): requirements.txt, requirements-mutation.txt, requirements-lowest.txt and a new site's (explainer/skeleton/pins/); UPGRADE="name==version ..." moves a package that no .in file names
# Each lock keeps the versions it has unless a .in file or UPGRADE moves them.
COMPILE = $(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
  --no-emit-index-url --no-emit-find-links $(foreach p,$(UPGRADE),--upgrade-package "$(p)")
SITE_PINS := explainer/skeleton/pins
.PHONY: lock
lock: $(BIN)/.installed
	$(COMPILE) --output-file=requirements.txt requirements.in
	$(COMPILE) --output-file=requirements-mutation.txt requirements-mutation.in
	$(COMPILE) --output-file=requirements-lowest.txt requirements-lowest.in
	$(COMPILE) --no-header --no-annotate --extra site --output-file=$(SITE_PINS)/mkdocs.txt \
	  pyproject.toml
	$(COMPILE) --no-header --no-annotate --extra site --extra properdocs \
	  --output-file=$(SITE_PINS)/properdocs.txt pyproject.toml

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf site rendered mutants $(VENV) $(LOWEST)
