# Two entry points, both self-contained on a fresh clone:
#   make run   - create .venv, install, align corpus/ and build its glossary into out/
#   make test  - create .venv, install, run the whole test suite
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup run test browser

setup: $(STAMP)

# torch==2.13.0 first: it is the local CPU build; any other spec pulls CUDA wheels.
$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

run: setup
	mkdir -p out
	$(VENV)/bin/paraterm align corpus/zh/negative-security-assurances.zh.txt corpus/en/negative-security-assurances.en.txt -o out/negative-security-assurances.xlsx
	$(VENV)/bin/paraterm align corpus/zh/follow-up-2013-high-level-meeting.zh.txt corpus/en/follow-up-2013-high-level-meeting.en.txt -o out/follow-up-2013-high-level-meeting.tmx
	$(VENV)/bin/paraterm glossary build corpus/ -o out/glossary.xlsx

# Debian's chromium renders the HTML check report in a test; best effort (the test skips without it).
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
		(apt-get update -qq && apt-get install -y -qq chromium) >/dev/null 2>&1; } || \
		echo "chromium not installed: the HTML report rendering test will be skipped"

test: setup browser
	$(PY) -m pytest -q
