#!/usr/bin/env bash
# Re-make the README screenshots from demo data: bash docs/screenshots/make.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
db=$(mktemp -d)/demo.sqlite3
py=${PYTHON:-.venv/bin/python}
export QT_QPA_PLATFORM=offscreen CAREER_PLANNER_HOME=$(dirname "$db")
"$py" -m planner --db "$db" demo
for view in dashboard applications board study contacts portfolio charts; do
  "$py" -m planner --db "$db" snapshot "$view" -o "docs/screenshots/$view.png"
done
