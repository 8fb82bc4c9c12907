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
