#!/usr/bin/env bash
# The gold export's round trip on the seed article: ingest it into a fresh database, review it as an
# editor would (review.cs), export the reviewed article, extract the exported .md and score the
# extraction against the exported gold file. Prints the scorer's figures (docs/gold-format.md).
# Usage: scripts/gold-round-trip/run.sh [WORK_DIR] [SCORER]
set -euo pipefail
cd "$(dirname "$0")/../.."
work="${1:-/tmp/gold-round-trip}"
scorer="${2:-tests/IraqCoalition.Core.Tests/Gold/score.py}"
rm -rf "$work" && mkdir -p "$work"
cli=(dotnet run --project src/IraqCoalition.Cli -c Release --)

"${cli[@]}" ingest data/articles/iraq-russia-military-ties.md --db "$work/round-trip.db"
dotnet run scripts/gold-round-trip/review.cs -- "$work/round-trip.db"
"${cli[@]}" export-gold --db "$work/round-trip.db" --out "$work/gold"
"${cli[@]}" extract "$work/gold/iraq-russia-military-ties.md" --out "$work/pred"
python3 "$scorer" "$work/gold" "$work/pred" --verbose
