-- Matching a new report reads every cluster of a compatible root whose interval can hold its day:
-- on a large record that is thousands of rows a report (bench-ingest). This index answers the date
-- test and carries the sides, so the first pass reads no table rows at all, and only the clusters
-- whose sides can still reach the threshold are fetched whole (ClusterStore.CandidatesAsync).
CREATE INDEX ix_clusters_window ON event_clusters(root, date_start, date_end, report_count, sources, targets);
DROP INDEX ix_clusters_root_date;
