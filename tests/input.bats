#!/usr/bin/env bats
# The input contract, kept: every input gg would otherwise store wrong, cut or doubled is
# refused with exit 65, names file, line and field, and writes nothing.

load helper

setup_file() {
	seed "$FIX/city.yaml"
	GG_DB="$SEED_DB" gg-ticket category import --builtin >/dev/null
}

setup() {
	fresh_db
	BEFORE=$(digest)
}

# refused TOOL MESSAGE ARGS…: the command fails with 65 and MESSAGE on stderr, prints
# nothing on stdout and leaves the database as it was.
refused() {
	local tool=$1 msg=$2
	shift 2
	run -65 --separate-stderr "$tool" "$@"
	assert_equal "$stderr" "$tool: $msg"
	assert_equal "$output" ""
	assert_equal "$(digest)" "$BEFORE"
}

# infile NAME CONTENT: CONTENT (printf escapes read) in a file of the test; prints its path.
infile() {
	printf "$2" >"$BATS_TEST_TMPDIR/$1"
	echo "$BATS_TEST_TMPDIR/$1"
}

# ---- 10a: the CSV mapping ----

@test "a CSV mapping with a misspelt section (default: for defaults:) is refused" {
	m=$(infile map.yaml "$(sed 's/^defaults:/default:/' "$FIX/hotline-map.yaml")")
	refused gg-ticket "$m:10:3: default: unknown key in the mapping (one of: fields, defaults, values)" \
		import --from csv --map "$m" -f "$FIX/hotline.csv"
	m=$(infile map2.yaml 'fields: {title: 诉求标题}\ndefaults: hotline_12345\n')
	refused gg-ticket "$m:2:11: defaults: must be a mapping ({FIELD: VALUE, ...})" \
		import --from csv --map "$m" -f "$FIX/hotline.csv"
}

# ---- 10b: CSV fields ----

# csv_import: a 12345 export on stdin, mapped by the fixture's mapping
csv_import() {
	gg-ticket import --from csv --map "$FIX/hotline-map.yaml" -f - -o json
}

@test "a CSV field over the record size limit is refused while it is read, not read whole" {
	# an endless field: read whole, it would never end
	run -65 --separate-stderr bash -c "{ head -1 '$FIX/hotline.csv'; printf '2026110300123,2026/11/03 09:12,邻里纠纷,楼上噪音,\"'; yes 噪音 | tr -d '\n'; } | timeout 10 gg-ticket import --from csv --map '$FIX/hotline-map.yaml' -f -"
	assert_equal "$stderr" "gg-ticket: stdin:2: malformed CSV: field 5 (诉求内容) is longer than 1048576 bytes"
	assert_equal "$output" ""
	assert_equal "$(digest)" "$BEFORE"
	# and one a little over the limit, closed, is refused as well, not stored
	run -65 --separate-stderr bash -c "{ head -1 '$FIX/hotline.csv'; printf '2026110300123,2026/11/03 09:12,邻里纠纷,楼上噪音,'; head -c 1048577 /dev/zero | tr '\0' a; printf ',东进路12号3幢\n'; } | gg-ticket import --from csv --map '$FIX/hotline-map.yaml' -f -"
	assert_equal "$stderr" "gg-ticket: stdin:2: malformed CSV: field 5 (诉求内容) is longer than 1048576 bytes"
	assert_equal "$(digest)" "$BEFORE"
}

@test "a NUL byte in a CSV field is refused, not stored cut" {
	f=$(infile nul.csv '工单编号,受理时间,诉求分类,诉求标题,诉求内容,事发地址\n2026110300124,2026/11/03 09:12,邻里纠纷,楼上\0噪音,"夜间",东进路12号3幢\n')
	refused gg-ticket "$f:2: malformed CSV: field 4 (诉求标题) holds a NUL byte" \
		import --from csv --map "$FIX/hotline-map.yaml" -f "$f"
}
