# SPDX-License-Identifier: Apache-2.0
# November 2026 for gg-score in the demo city (泰州市), after its tickets and volunteers: the
# satisfaction survey of each community Party organisation (群众满意度调查: surveys-2026-11.csv,
# one row a household; 东进社区's first household answered twice, and its later answer counts),
# four community social organisations with their funding (政府购买服务, 补贴, 项目资金) and
# their ratings of the third and fourth quarters (评星定级, 动态调整: one goes up, one down, one
# capped at 4 stars for want of a Party organisation), and the month's appraisal of every
# community and street by the built-in rubric, and October's (the demo holds none of its
# tickets or answers: what the report compares November with). Nothing is read from the wall clock.
#
#   GG_DB=demo.db sh share/gg/examples/scores.sh     # after volunteers.sh
#
# make demo runs it on build/demo.db. It stops at the first command that fails.
set -eu
here=$(dirname "$0")

s() {
	gg-score "$@" >/dev/null
}

export GG_NOW=2026-11-28T17:00:00+08:00
s survey import --from csv -f "$here/surveys-2026-11.csv"

export GG_NOW=2026-07-01T09:00:00+08:00
s social-org add --code 52321202MJ12345670 --name 东进邻里互助会 --kind mutual_aid --community TZ-HL-CZ-01 \
	--has-party-org true --founded 2019-05-04
s social-org add --code 52321202MJ2345678H --name 坡子街银发服务社 --kind service --community TZ-HL-CZ-02 \
	--has-party-org false --founded 2021-03-12
s social-org add --code 52321203MJ3456789H --name 鼓楼公益书屋 --kind public_welfare --community TZ-HL-CD-01 \
	--has-party-org true --founded 2018-09-01
s social-org add --code 52321204MJ4567890J --name 柴墟调解志愿队 --kind mutual_aid --community TZ-GG-KA-01 \
	--has-party-org true --founded 2020-11-20
s social-org fund 52321202MJ12345670 --kind purchase --amount 30000 --date 2026-07-15 --note 政府购买助老服务
s social-org fund 52321202MJ2345678H --kind subsidy --amount 8000.50 --date 2026-08-01 --note 活动经费补贴
s social-org fund 52321203MJ3456789H --kind project --amount 50000 --date 2026-07-20 --note 炬力双助项目
s social-org fund 52321204MJ4567890J --kind subsidy --amount 6000 --date 2026-09-10

export GG_NOW=2026-10-08T10:00:00+08:00
s social-org rate 52321202MJ12345670 --period 2026-Q3 --organisation 82 --credibility 85 --efficiency 78
s social-org rate 52321202MJ2345678H --period 2026-Q3 --organisation 88 --credibility 92 --efficiency 95
s social-org rate 52321203MJ3456789H --period 2026-Q3 --organisation 90 --credibility 88 --efficiency 86
s social-org rate 52321204MJ4567890J --period 2026-Q3 --organisation 70 --credibility 72 --efficiency 66

export GG_NOW=2026-11-30T16:00:00+08:00
s social-org rate 52321202MJ12345670 --period 2026-Q4 --organisation 92 --credibility 90 --efficiency 91
s social-org rate 52321202MJ2345678H --period 2026-Q4 --organisation 90 --credibility 94 --efficiency 96
s social-org rate 52321203MJ3456789H --period 2026-Q4 --organisation 76 --credibility 80 --efficiency 68 \
	--note 项目资金使用进度滞后
s social-org rate 52321204MJ4567890J --period 2026-Q4 --organisation 71 --credibility 74 --efficiency 70

export GG_NOW=2026-12-01T08:00:00+08:00
s appraise --period 2026-10
s appraise --period 2026-10 --level street
s appraise --period 2026-11
s appraise --period 2026-11 --level street
