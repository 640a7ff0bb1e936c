# Quick start: `make run` (serve with the seed imported) and `make test`.
# Needs only python3 and make; everything else is installed into .venv.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000
SHARED ?= ../shared
GOLD_SOURCES := $(SHARED)/seeds/000_6ecc05ef853c777c.txt \
	$(patsubst $(SHARED)/gold/politics-%.json,$(SHARED)/corpus/bbc-politics/%.txt,$(wildcard $(SHARED)/gold/politics-*.json)) \
	$(patsubst $(SHARED)/gold-modern/%.json,$(SHARED)/modern/%.txt,$(wildcard $(SHARED)/gold-modern/*.json))

.PHONY: install migrate seed demo run test eval lint bench serve worker clean

# Reinstalls only when pyproject.toml changed since the last install.
$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(PY) manage.py migrate --verbosity 0

seed: migrate
	$(PY) manage.py import_seeds seeds

demo: migrate
	$(PY) manage.py create_demo_accounts --if-debug

run: seed demo
	@echo "Serving on http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	$(PY) manage.py runserver $(HOST):$(PORT)

test: migrate
	$(PY) -m pytest

# Scores the shared gold (BBC and modern together), then prints how many claims
# reach the publish threshold on both corpora and how many required gold facts do.
eval: install
	mkdir -p var
	$(PY) manage.py import_seeds --dry-run --json $(GOLD_SOURCES) > var/eval-preview.json
	status=0; \
	$(PY) $(SHARED)/tools/score_extraction.py var/eval-preview.json $(SHARED)/gold/*.json $(SHARED)/gold-modern/*.json \
		--targets actor_f1=0.93,quote_f1=0.97,quote_speaker_acc=0.92,attributed_p=0.93,attributed_r=0.93,attributed_speaker_acc=0.9,factual_r=0.85 \
		|| status=1; \
	$(PY) -m articles.extraction.calibration --shared $(SHARED) \
		--corpus $(SHARED)/corpus $(SHARED)/modern --gold $(SHARED)/gold $(SHARED)/gold-modern \
		|| status=1; \
	exit $$status

lint: install
	$(VENV)/bin/ruff check .

bench: install
	$(PY) -m bench

serve: install
	DJANGO_DEBUG=0 $(PY) manage.py collectstatic --noinput --verbosity 0
	DJANGO_DEBUG=0 $(PY) manage.py migrate --verbosity 0
	DJANGO_DEBUG=0 DJANGO_CONN_MAX_AGE=$${DJANGO_CONN_MAX_AGE:-60} \
		$(VENV)/bin/gunicorn newsroom.wsgi --config newsroom/gunicorn.conf.py --bind $(HOST):$(PORT)

# A Celery worker for ingest (URLs, feeds, uploads, the API), with beat polling
# the feeds unless BEAT=0: run exactly one beat for the whole desk.
WORKER_CONCURRENCY ?= 2
BEAT ?= 1
worker: migrate
	@test -n "$$REDIS_URL" || { echo "make worker needs REDIS_URL, e.g. REDIS_URL=redis://127.0.0.1:6379/0"; exit 1; }
	DJANGO_CONN_MAX_AGE=$${DJANGO_CONN_MAX_AGE:-60} $(VENV)/bin/celery -A newsroom worker --loglevel=INFO --concurrency=$(WORKER_CONCURRENCY) \
		$(if $(filter 1,$(BEAT)),--beat --schedule=var/celerybeat-schedule)

clean:
	rm -rf $(VENV) var .pytest_cache
