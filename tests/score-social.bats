#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# gg-score social-org on the test city: community social organisations (社区社会组织) with their
# unified social credit code checked by GB 32100's check character, the funding they receive,
# their ratings on three weighted dimensions with stars from cut-offs (评星定级), the cap of
# 4 stars without a Party organisation, and the history of up- and downgrades (动态调整).
# Every expected figure is worked out here, by hand or with awk, from the rules of
# share/gg/score/social-org.yaml: weights organisation 30, credibility 30, efficiency 40;
# stars 1 from 0, 2 from 60, 3 from 70, 4 from 80, 5 from 90.

load helper

setup() {
	fresh_db
	BEFORE=$(digest)
}

# credit BODY: BODY (17 characters) with the check character GB 32100 gives: the characters
# 0-9 A-H J-N P-R T U W-Y are worth 0-30, place i (from 0) weighs 3^i mod 31, and the check
# character is worth 31 - (sum mod 31), 31 being 0.
credit() {
	awk -v body="$1" 'BEGIN {
		cs = "0123456789ABCDEFGHJKLMNPQRTUWXY"; w = 1; sum = 0
		for (i = 1; i <= 17; i++) { sum += (index(cs, substr(body, i, 1)) - 1) * w; w = w * 3 % 31 }
		r = 31 - sum % 31; if (r == 31) r = 0
		print body substr(cs, r + 1, 1)
	}'
}

# total O C E: the weighted total of three scores, with two decimals where it has them.
total() {
	awk -v o="$1" -v c="$2" -v e="$3" 'BEGIN { t = (o * 30 + c * 30 + e * 40) / 100; print t }'
}

# stars_of TOTAL: the stars the cut-offs give a total.
stars_of() {
	awk -v t="$1" 'BEGIN { s = 1; if (t >= 60) s = 2; if (t >= 70) s = 3; if (t >= 80) s = 4; if (t >= 90) s = 5; print s }'
}

# Two organisations: SO-01 in 东进社区 with a Party organisation, SO-02 in 坡子街社区 without.
orgs() {
	gg-score social-org add --code SO-01 --name 东进邻里互助会 --kind mutual_aid --community TZ-HL-CZ-01 \
		--has-party-org true >/dev/null
	gg-score social-org add --code SO-02 --name 坡子街公益服务社 --kind public_welfare --community TZ-HL-CZ-02 >/dev/null
	BEFORE=$(digest)
}

@test "the check character: a published code and one made here are taken, as the code or as credit_code" {
	# 91350100M000100Y43, a code in public use, its check character worked out by hand:
	# 9·1 + 1·3 + 3·9 + 5·27 + 0·19 + 1·26 + 0·16 + 0·17 + M(21)·20 + 0·29 + 0·25 + 0·13 + 1·8
	# + 0·24 + 0·10 + Y(30)·30 + 4·28 = 9+3+27+135+26+420+8+900+112 = 1640; 1640 mod 31 = 28;
	# 31 - 28 = 3: the check character is 3.
	run -0 gg-score social-org add --code 91350100M000100Y43 --name 东进社工服务中心 --kind service \
		--community TZ-HL-CZ-01 -o json
	assert_equal "$(jq -r '.credit_code' <<<"$output")" 91350100M000100Y43
	code=$(credit 52321202MJ1234567)
	run -0 gg-score social-org add --code SO-03 --name 坡子街书画社 --kind service --community TZ-HL-CZ-02 \
		--credit-code "$code" -o json
	assert_equal "$(jq -r '.credit_code' <<<"$output")" "$code"
	# typed in lower case, kept as printed
	lower=$(credit 91320000134768180 | tr 'A-Z' 'a-z')
	run -0 gg-score social-org add --code SO-04 --name 书香社 --kind service --community TZ-HL-CZ-02 \
		--credit-code "$lower" -o json
	assert_equal "$(jq -r '.credit_code' <<<"$output")" "$(credit 91320000134768180)"
}

@test "a wrong check character is refused, naming the field and the character expected; nothing written" {
	good=$(credit 52321202MJ1234567)
	right=${good: -1}
	wrong=$( [ "$right" = 0 ] && echo 1 || echo 0)
	refused gg-score "credit_code: '52321202MJ1234567$wrong' has the check character '$wrong' where GB 32100 gives '$right'" \
		social-org add --code SO-09 --name 书画社 --kind service --community TZ-HL-CZ-02 --credit-code "52321202MJ1234567$wrong"
	refused gg-score "code: '91350100M000100Y44' has the check character '4' where GB 32100 gives '3'" \
		social-org add --code 91350100M000100Y44 --name 书画社 --kind service --community TZ-HL-CZ-02
	refused gg-score "credit_code: '91350100M00010OY43' is not a unified social credit code (GB 32100): 18 characters of 0-9 and A-Y but I, O, S and V" \
		social-org add --code SO-09 --name 书画社 --kind service --community TZ-HL-CZ-02 --credit-code 91350100M00010OY43
}

@test "a credit code is one organisation's" {
	gg-score social-org add --code 91350100M000100Y43 --name 东进社工服务中心 --kind service --community TZ-HL-CZ-01 >/dev/null
	BEFORE=$(digest)
	refused gg-score "credit_code: '91350100M000100Y43' is the credit code of '91350100M000100Y43' already" \
		social-org add --code SO-09 --name 书画社 --kind service --community TZ-HL-CZ-02 --credit-code 91350100M000100Y43
	refused gg-score "credit_code: '$(credit 52321202MJ1234567)' differs from the code '91350100M000100Y43', itself a unified social credit code" \
		social-org set 91350100M000100Y43 --credit-code "$(credit 52321202MJ1234567)"
}

@test "kind and community are checked; list --under keeps a subtree's organisations" {
	orgs
	run -65 gg-score social-org add --code SO-09 --name 书画社 --kind club --community TZ-HL-CZ-02
	run -65 gg-score social-org add --code SO-09 --name 书画社 --kind service --community TZ-HL-CZ-01-G01
	assert_equal "$(digest)" "$BEFORE"
	run -0 gg-score social-org list --under TZ-HL-CZ-02 -o json
	assert_equal "$(jq -c 'map(.code)' <<<"$output")" '["SO-02"]'
	run -0 gg-score social-org list --under TZ-HL-CZ -o json
	assert_equal "$(jq -c 'map(.code)' <<<"$output")" '["SO-01","SO-02"]'
	run -0 gg-score social-org list --under TZ-HL-CZ-01-G01 -o json
	assert_equal "$output" "[]"
	run -0 gg-score social-org list --kind mutual_aid -o json
	assert_equal "$(jq -c 'map(.code)' <<<"$output")" '["SO-01"]'
	# a community with organisations stays
	run -65 gg-org unit rm TZ-HL-CZ-02
	assert_output --partial "social organisations (1)"
}

@test "funding: yuan kept in fen, listed, summed by show; a reversal nets a record out" {
	orgs
	run -0 gg-score social-org fund SO-02 --kind subsidy --amount 12000.50 --date 2026-03-01 --note 启动资金 -o json
	assert_equal "$(jq -c '.[0] | [.id, .amount, .kind, .date]' <<<"$output")" '[1,12000.5,"subsidy","2026-03-01"]'
	gg-score social-org fund SO-02 --kind purchase --amount 3000 --date 2026-06-01 >/dev/null
	gg-score social-org fund SO-02 --kind project --amount 0.05 --date 2026-07-01 >/dev/null
	gg-score social-org fund SO-01 --kind project --amount 800 --date 2025-12-31 >/dev/null
	assert_equal "$(sql_joined 'SELECT fen FROM social_org_funding ORDER BY id')" 1200050,300000,5,80000
	# 12000.50 + 3000 + 0.05 = 15000.55 yuan
	run -0 gg-score social-org show SO-02 -o json
	assert_equal "$(jq -c '.[0] | [.funding, .funding_records]' <<<"$output")" '[15000.55,3]'
	run -0 gg-score social-org fund --reverse 2 --reason 重复登记 -o json
	assert_equal "$(jq -c '.[0] | [.id, .amount, .reverses, .date]' <<<"$output")" '[5,-3000,2,"2026-06-01"]'
	# 15000.55 - 3000 = 12000.55, from two records standing
	run -0 gg-score social-org show SO-02 -o json
	assert_equal "$(jq -c '.[0] | [.funding, .funding_records]' <<<"$output")" '[12000.55,2]'
	run -0 gg-score social-org funding --period 2026 --kind subsidy,purchase -o json
	assert_equal "$(jq -c 'map(.id)' <<<"$output")" '[1,2,5]'
	run -0 gg-score social-org funding SO-01 -o json
	assert_equal "$(jq -c 'map(.id)' <<<"$output")" '[4]'
	run -0 gg-score social-org funding --under TZ-HL-CZ-01 --from 2026-01-01 --to 2026-12-31 -o json
	assert_equal "$output" "[]"
	BEFORE=$(digest)
	refused gg-score "funding record 2 was reversed already, by record 5" social-org fund --reverse 2 --reason 再次
	refused gg-score "funding record 5 reverses record 2: a reversal is not reversed" social-org fund --reverse 5 --reason 再次
}

@test "funding: bad amounts, kinds and organisations write nothing" {
	orgs
	refused gg-score "--amount: '12.345' is not an amount of yuan (12000, or 1234.56: two decimals at most)" \
		social-org fund SO-02 --kind subsidy --amount 12.345 --date 2026-03-01
	refused gg-score "--amount: '-5' is not an amount of yuan (12000, or 1234.56: two decimals at most)" \
		social-org fund SO-02 --kind subsidy --amount -5 --date 2026-03-01
	refused gg-score "--amount: an amount is more than 0 (a wrong record is taken back with --reverse)" \
		social-org fund SO-02 --kind subsidy --amount 0.00 --date 2026-03-01
	refused gg-score "no social organisation 'SO-99'" social-org fund SO-99 --kind subsidy --amount 5 --date 2026-03-01
	run -64 gg-score social-org fund SO-02 --kind grant --amount 5 --date 2026-03-01
	run -65 gg-score social-org fund SO-02 --kind subsidy --amount 5 --date 2026-02-30
	assert_equal "$(digest)" "$BEFORE"
}

@test "rm is refused while funding refers to an organisation; one with none goes" {
	orgs
	gg-score social-org fund SO-02 --kind purchase --amount 3000 --date 2026-06-01 >/dev/null
	BEFORE=$(digest)
	refused gg-score "cannot remove social-org 'SO-02': still referred to by funding records (1)" social-org rm SO-02
	run -0 gg-score social-org rm SO-01
	assert_equal "$(sql_joined 'SELECT code FROM social_org ORDER BY code')" SO-02
	# the store keeps funding as written, behind the tools' back too
	run ! sql 'DELETE FROM social_org_funding'
	assert_output --partial 'a funding record is never changed: record its reversal'
	run ! sql 'UPDATE social_org_funding SET fen = 1'
	assert_output --partial 'a funding record is never changed: record its reversal'
}

@test "rate: the weighted total and its stars" {
	orgs
	t=$(total 80 75 90) # (80·30 + 75·30 + 90·40) / 100 = 82.5
	run -0 gg-score social-org rate SO-01 --period 2026 --organisation 80 --credibility 75 --efficiency 90 -o json
	assert_equal "$(jq -r '.[0].total' <<<"$output")" "$t"
	assert_equal "$(jq -r '.[0].stars' <<<"$output")" "$(stars_of "$t")"
	assert_equal "$(jq -c '.[0] | [.change, .capped, .weights]' <<<"$output")" \
		'["first",false,{"organisation":30,"credibility":30,"efficiency":40}]'
	# a total on a cut-off reaches it: (70·30 + 70·30 + 70·40) / 100 = 70, 3 stars
	run -0 gg-score social-org rate SO-02 --period 2026 --organisation 70 --credibility 70 --efficiency 70 -o json
	assert_equal "$(jq -c '.[0] | [.total, .stars]' <<<"$output")" "[$(total 70 70 70),$(stars_of 70)]"
	# just under: (69·30 + 70·30 + 70·40) / 100 = 69.7, 2 stars
	run -0 gg-score social-org rate SO-02 --period 2026-Q4 --organisation 69 --credibility 70 --efficiency 70 -o json
	assert_equal "$(jq -c '.[0] | [.total, .stars, .previous, .change]' <<<"$output")" \
		"[$(total 69 70 70),$(stars_of "$(total 69 70 70)"),3,\"down\"]"
	run -0 gg-score social-org show SO-01 -o json
	assert_equal "$(jq -c '.[0] | [.stars, .rated_period, .total, .ratings]' <<<"$output")" "[4,\"2026\",$t,1]"
	# audited, one row a rating
	assert_equal "$(sql "SELECT count(*) FROM audit WHERE $(jx change '$.kind') = 'social-rating'")" 3
}

@test "without a Party organisation an organisation holds 4 stars at most; with one, 5" {
	orgs
	t=$(total 95 92 98) # (95·30 + 92·30 + 98·40) / 100 = 95.3: 5 stars earned
	[ "$(stars_of "$t")" = 5 ]
	run -0 gg-score social-org rate SO-02 --period 2026 --organisation 95 --credibility 92 --efficiency 98 -o json
	assert_equal "$(jq -c '.[0] | [.total, .earned, .stars, .capped, .has_party_org]' <<<"$output")" "[$t,5,4,true,false]"
	run -0 gg-score social-org rate SO-01 --period 2026 --organisation 95 --credibility 92 --efficiency 98 -o json
	assert_equal "$(jq -c '.[0] | [.total, .earned, .stars, .capped, .has_party_org]' <<<"$output")" "[$t,5,5,false,true]"
	# the cap is configurable
	sed 's/^party_org_for_5_stars: true/party_org_for_5_stars: false/' "$TOP/share/gg/score/social-org.yaml" \
		>"$BATS_TEST_TMPDIR/rules.yaml"
	run -0 env GG_SOCIAL_ORG_RATING="$BATS_TEST_TMPDIR/rules.yaml" gg-score social-org rate SO-02 --period 2027 \
		--organisation 95 --credibility 92 --efficiency 98 -o json
	assert_equal "$(jq -c '.[0] | [.stars, .capped, .previous, .change]' <<<"$output")" '[5,false,4,"up"]'
}

@test "history: every rating in order, a downgrade and an upgrade visible with the scores behind them" {
	orgs
	gg-score social-org rate SO-02 --period 2024 --organisation 85 --credibility 80 --efficiency 82 >/dev/null # 82.3: 4
	gg-score social-org rate SO-02 --period 2025 --organisation 60 --credibility 55 --efficiency 62 >/dev/null # 59.3: 1
	gg-score social-org rate SO-02 --period 2026 --organisation 75 --credibility 70 --efficiency 72 >/dev/null # 72.3: 3
	gg-score social-org rate SO-01 --period 2026 --organisation 90 --credibility 90 --efficiency 90 >/dev/null # 90: 5
	run -0 gg-score social-org history SO-02 -o json
	want=$(for p in "2024 85 80 82" "2025 60 55 62" "2026 75 70 72"; do
		set -- $p
		t=$(total "$2" "$3" "$4")
		echo "$1 $2 $3 $4 $t $(stars_of "$t")"
	done)
	assert_equal "$(jq -r '.[] | "\(.period) \(.organisation) \(.credibility) \(.efficiency) \(.total) \(.stars)"' <<<"$output")" "$want"
	assert_equal "$(jq -c 'map([.previous, .change])' <<<"$output")" '[[null,"first"],[4,"down"],[1,"up"]]'
	run -0 gg-score social-org history --changes -o json
	assert_equal "$(jq -c 'map([.org, .period, .change])' <<<"$output")" '[["SO-02","2025","down"],["SO-02","2026","up"]]'
	run -0 gg-score social-org history --under TZ-HL-CZ-01 -o json
	assert_equal "$(jq -c 'map([.org, .period, .stars])' <<<"$output")" '[["SO-01","2026",5]]'
	run -0 gg-score social-org history -o tsv
	assert_line --index 0 "$(printf 'id\torg\tname\tcommunity\tperiod\torganisation\tcredibility\tefficiency\ttotal\tearned\tstars\tcapped\tprevious\tchange\treplaces\tnote\tat')"
	BEFORE=$(digest)
	refused gg-score "no social organisation 'SO-99'" social-org history SO-99
	refused gg-score "--under: unknown unit 'TZ-X'" social-org history --under TZ-X
}

@test "a period rated already is refused; --replace rates it anew and history keeps both" {
	orgs
	gg-score social-org rate SO-02 --period 2026 --organisation 85 --credibility 80 --efficiency 82 >/dev/null
	BEFORE=$(digest)
	refused gg-score "'SO-02' was rated for 2026 already (rating 1, 4 stars): --replace rates it anew, the earlier rating staying in its history" \
		social-org rate SO-02 --period 2026 --organisation 60 --credibility 60 --efficiency 60
	refused gg-score "--replace: 'SO-02' has no rating for 2025 to replace" \
		social-org rate SO-02 --period 2025 --organisation 60 --credibility 60 --efficiency 60 --replace
	run -0 gg-score social-org rate SO-02 --period 2026 --organisation 60 --credibility 60 --efficiency 60 --replace \
		--note 复核 -o json
	assert_equal "$(jq -c '.[0] | [.id, .stars, .previous, .change, .replaces, .note]' <<<"$output")" '[2,2,4,"down",1,"复核"]'
	run -0 gg-score social-org history SO-02 -o json
	assert_equal "$(jq -c 'map([.id, .period, .stars])' <<<"$output")" '[[1,"2026",4],[2,"2026",2]]'
	run -0 gg-score social-org show SO-02 -o json
	assert_equal "$(jq -c '.[0] | [.stars, .ratings]' <<<"$output")" '[2,2]'
	# ratings are never changed, not even behind the tools' back; they keep their organisation
	run ! sql 'UPDATE social_org_rating SET stars = 5'
	assert_output --partial 'a rating is never changed: rate the organisation anew'
	run ! sql 'DELETE FROM social_org_rating'
	assert_output --partial 'a rating is never changed: rate the organisation anew'
	BEFORE=$(digest)
	refused gg-score "cannot remove social-org 'SO-02': still referred to by ratings (2)" social-org rm SO-02
}

@test "rate: bad scores, periods and weights are refused and write nothing" {
	orgs
	refused gg-score "--organisation: a score is a whole number from 0 to 100, not '101'" \
		social-org rate SO-02 --period 2026 --organisation 101 --credibility 60 --efficiency 60
	refused gg-score "--efficiency: a score is a whole number from 0 to 100, not '7.5'" \
		social-org rate SO-02 --period 2026 --organisation 60 --credibility 60 --efficiency 7.5
	refused gg-score "no social organisation 'SO-99'" \
		social-org rate SO-99 --period 2026 --organisation 60 --credibility 60 --efficiency 60
	run -64 gg-score social-org rate SO-02 --period 2026-13 --organisation 60 --credibility 60 --efficiency 60
	run -64 gg-score social-org rate SO-02 --period 2026 --organisation 60 --credibility 60
	# weights of 30 + 30 + 30 = 90, given in the file GG_SOCIAL_ORG_RATING names
	w=$BATS_TEST_TMPDIR/w.yaml
	printf '%s\n' 'weights:' '  organisation: 30' '  credibility: 30' '  efficiency: 30' \
		'stars: [{stars: 1, from: 0}, {stars: 2, from: 60}]' 'party_org_for_5_stars: true' >"$w"
	GG_SOCIAL_ORG_RATING=$w refused gg-score "$w:2:3: weights: they sum to $((30 + 30 + 30)), not 100" \
		social-org rate SO-02 --period 2026 --organisation 60 --credibility 60 --efficiency 60
	printf '%s\n' 'weights: {organisation: 30, credibility: 30, efficiency: 40}' \
		'stars: [{stars: 1, from: 0}, {stars: 2, from: 60}, {stars: 3, from: 50}]' 'party_org_for_5_stars: true' >"$w"
	GG_SOCIAL_ORG_RATING=$w run -65 gg-score social-org rate SO-02 --period 2026 --organisation 60 --credibility 60 --efficiency 60
	assert_output --partial "stars: level 3: levels go up"
	assert_equal "$(digest)" "$BEFORE"
}

@test "a contact number is personal data: masked in output and in the audit log unless --reveal" {
	gg-score social-org add --code SO-9 --name 测试互助会 --kind service --community TZ-HL-CZ-01 --contact 0523-86221234 >/dev/null
	run -0 gg-score social-org show SO-9 -o ndjson
	assert_equal "$(jq -r .contact <<<"$output")" '052******1234'
	assert_equal "$(sql "SELECT count(*) FROM audit WHERE CAST(change AS TEXT) LIKE '%86221234%'")" 0
	run -0 gg-score --reveal social-org show SO-9 -o ndjson
	assert_equal "$(jq -r .contact <<<"$output")" '0523-86221234'
}

@test "ratings follow one another in time: a period ending before the last rated one is refused" {
	gg-score social-org add --code SO-7 --name 测试服务社 --kind service --community TZ-HL-CZ-01 >/dev/null
	gg-score social-org rate SO-7 --period 2026-10 --organisation 80 --credibility 80 --efficiency 80 >/dev/null
	gg-score social-org rate SO-7 --period 2026-11 --organisation 90 --credibility 90 --efficiency 90 >/dev/null
	BEFORE=$(digest)
	refused gg-score "'SO-7' was rated last for 2026-11, which ends after 2026-09: ratings follow one another in time" \
		social-org rate SO-7 --period 2026-09 --organisation 50 --credibility 50 --efficiency 50
	refused gg-score "'SO-7' was rated last for 2026-11, which ends after 2026-10: ratings follow one another in time" \
		social-org rate SO-7 --period 2026-10 --organisation 50 --credibility 50 --efficiency 50 --replace
	# the quarter ends with November's rating or after it: taken, and it is the standing
	run -0 gg-score social-org rate SO-7 --period 2026-Q4 --organisation 60 --credibility 60 --efficiency 60 -o ndjson
	run -0 gg-score social-org show SO-7 -o ndjson
	assert_equal "$(jq -c '[.rated_period, .stars]' <<<"$output")" '["2026-Q4",2]'
}

@test "funding and history name an unknown organisation or unit, not an empty list" {
	run -65 --separate-stderr gg-score social-org funding SO-NOPE
	assert_equal "$stderr" "gg-score: no social organisation 'SO-NOPE'"
	run -65 --separate-stderr gg-score social-org history --under TZ-NOPE
	assert_equal "$stderr" "gg-score: --under: unknown unit 'TZ-NOPE'"
}
