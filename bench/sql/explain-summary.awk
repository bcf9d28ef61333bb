# Summarises explain-prospects.sql's output: one line per query, "label<TAB>execution ms<TAB>scans used".
/^### / { label = substr($0, 5); scans = ""; next }
label != "" && /(Seq Scan|Index Scan|Index Only Scan|Bitmap Index Scan|Bitmap Heap Scan) / {
  node = $0; sub(/^ *(->)? */, "", node); sub(/ +\(cost=.*/, "", node); sub(/ p$/, "", node)
  if (index(scans, node) == 0) scans = scans (scans == "" ? "" : ", ") node
}
label != "" && /Execution Time:/ { printf "%s\t%s\t%s\n", label, $3, scans; label = "" }
