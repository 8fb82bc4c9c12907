#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# gg-report staffing: community workers against 18 per 10,000 residents, by community or
# summed by street, from the view gg-org check reads: the same shortfall as its finding.

load helper

setup() {
	fresh_db
}

@test "by community and by street; the figures worked out by hand, the shortfall gg-org check's" {
	# 东进社区: 8,200 residents, one worker (the grid worker of G01): 1.2 per 10,000, 15 needed
	# (ceil(8200 * 18 / 10000)), 14 short; one grid of two staffed. 坡子街社区: 1,000 residents,
	# two community workers: 20.0, 2 needed, none short, no grids.
	run -0 gg-report staffing -o tsv
	assert_equal "$output" "$(printf '%s\n' \
		$'unit\tname\tlevel\tpopulation\tworkers\tper_10000\trequired\tshortfall\tgrids\tgrids_staffed' \
		$'TZ-HL-CZ-01\t东进社区\tcommunity\t8200\t1\t1.2\t15\t14\t2\t1' \
		$'TZ-HL-CZ-02\t坡子街社区\tcommunity\t1000\t2\t20\t2\t0\t0\t0')"
	run -1 gg-org check -o ndjson
	assert_equal "$(jq -c 'select(.rule == "staffing_ratio") | [.code, .workers, .required, .shortfall]' <<<"$output")" \
		'["TZ-HL-CZ-01",1,15,14]'
	# 城中街道: 3 workers for 9,200 residents, 3.3 per 10,000; the shortfall is 东进's alone
	run -0 gg-report staffing --level street -o ndjson
	assert_equal "$(jq -c '[.unit, .population, .workers, .per_10000, .required, .shortfall, .grids_staffed]' <<<"$output")" \
		'["TZ-HL-CZ",9200,3,3.3,17,14,1]'
	run -0 gg-report staffing --under TZ-HL-CZ-02 -o ndjson
	assert_equal "$(jq -r .unit <<<"$output")" TZ-HL-CZ-02
}

@test "a level it does not sum is usage, an unknown unit bad data; nothing on stdout" {
	run -64 --separate-stderr gg-report staffing --level grid
	assert_equal "${stderr_lines[0]}" "gg-report: --level: community, street, district or city, not 'grid'"
	assert_equal "$output" ""
	run -65 --separate-stderr gg-report staffing --under TZ-NOPE
	assert_equal "$stderr" "gg-report: --under: unknown unit 'TZ-NOPE'"
	assert_equal "$output" ""
}
