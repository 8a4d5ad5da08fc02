#!/usr/bin/env bash
# Times PDF export of a 100-event briefing with a warm browser (docs/performance.md, "Briefing export").
# The seed corpus holds too few events for this, so the script writes a synthetic database: 50
# articles (1 Jan to 28 Feb 2020), each with one IRQ-USA and one IRQ-RUS event and a statement, so
# the briefing has 100 events, 50 statements, 50 citations and two dyad charts. It is benchmark
# data, clearly labelled as such in its titles, and lives in a temporary folder.
# Usage: [BENCH_DIR=DIR] scripts/bench-briefing.sh [RUNS]   (needs the sqlite3 command: apt-get install -y sqlite3)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
# BENCH_DIR keeps the database and the PDF for a look; by default both go to a temporary folder.
if [ -n "${BENCH_DIR:-}" ]; then work="$BENCH_DIR"; mkdir -p "$work"; rm -f "$work/bench.db"*; else
  work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT; fi
db="$work/bench.db"

dotnet build src/IraqCoalition.Cli -c Release -v q --nologo >/dev/null
cli=(dotnet "src/IraqCoalition.Cli/bin/Release/net10.0/iraqcoalition.dll")
"${cli[@]}" db migrate --db "$db" >/dev/null

sqlite3 "$db" <<'SQL'
PRAGMA foreign_keys = ON;
INSERT INTO actors (identity_key, name, kind, country, title, created_at, updated_at) VALUES
  ('bench:usa', 'United States', 'country', 'USA', NULL, '2020-03-01T00:00:00.000Z', '2020-03-01T00:00:00.000Z'),
  ('bench:irq', 'Iraq', 'country', 'IRQ', NULL, '2020-03-01T00:00:00.000Z', '2020-03-01T00:00:00.000Z'),
  ('bench:rus', 'Russia', 'country', 'RUS', NULL, '2020-03-01T00:00:00.000Z', '2020-03-01T00:00:00.000Z'),
  ('bench:mahdi', 'Adel Abdul Mahdi', 'person', 'IRQ', 'Prime Minister', '2020-03-01T00:00:00.000Z', '2020-03-01T00:00:00.000Z');
INSERT INTO actor_aliases (actor_id, alias, normalized) SELECT id, 'عادل عبد المهدي', 'عادل عبد المهدي' FROM actors WHERE identity_key = 'bench:mahdi';
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 49)
INSERT INTO articles (content_hash, title, source, url, published, body, word_count, sentence_count, extractor_version, ingested_at)
SELECT 'bench-' || i, 'Benchmark article ' || (i + 1) || ': Baghdad, Washington and Moscow', CASE i % 3 WHEN 0 THEN 'Reuters' WHEN 1 THEN 'Al Jazeera' ELSE 'TASS' END,
       'https://example.org/bench/' || i, date('2020-01-01', '+' || (i * 59 / 50) || ' days'),
       'Benchmark body ' || i, 3, 1, 'bench', '2020-03-01T00:00:00.000Z'
FROM n;
WITH codes(k, code, root, label, goldstein, quad) AS (VALUES
  (0, '040', '04', 'Consult', 1.0, 1), (1, '0331', '03', 'Express intent to provide military aid', 5.2, 1),
  (2, '061', '06', 'Cooperate economically', 6.4, 2), (3, '111', '11', 'Criticize or denounce', -2.0, 3),
  (4, '123', '12', 'Reject request for material aid', -4.0, 3), (5, '195', '19', 'Employ aerial weapons', -10.0, 4))
INSERT INTO events (article_id, code, root, label, goldstein, quad_class, source_actor_id, target_actor_id, source_country, target_country,
                    date_value, date_start, date_end, date_precision, summary, evidence_start, evidence_end, evidence_text, created_at, updated_at)
SELECT a.id, c.code, c.root, c.label, c.goldstein, c.quad,
       CASE WHEN p.other = 'USA' THEN 1 ELSE 3 END, 2, p.other, 'IRQ',
       a.published, a.published, a.published, 'day',
       'Benchmark event ' || a.id || '-' || p.other || ': ' || c.label || ' between ' || p.other || ' and Iraq, with a sentence long enough to wrap in the PDF like a real summary.',
       0, 10, 'Evidence sentence for benchmark event ' || a.id || ' as an extractor would quote it from the article body.',
       '2020-03-01T00:00:00.000Z', '2020-03-01T00:00:00.000Z'
FROM articles a
CROSS JOIN (SELECT 'USA' AS other UNION ALL SELECT 'RUS') p
JOIN codes c ON c.k = (a.id + length(p.other) + (p.other = 'RUS')) % 6;
INSERT INTO statements (article_id, speaker_actor_id, text, direct, cue, content_start, content_end, date_value, created_at, updated_at)
SELECT id, 4, 'Benchmark quotation ' || id || ': Iraq will decide for itself which forces stay on its soil.', 1, 'said', 0, 10, published,
       '2020-03-01T00:00:00.000Z', '2020-03-01T00:00:00.000Z'
FROM articles;
SQL

"${cli[@]}" briefing export --db "$db" --from 2020-01-01 --to 2020-02-29 --dyad IRQ-USA --dyad IRQ-RUS \
  --title "Benchmark: Iraq between Washington and Moscow" --format pdf --out "$work/bench.pdf" --repeat "$runs"
