# The month at the committee's meeting: the branches' ratings with their
# reason, the month closed after a yes (and not on a no), reopened with a
# reason as version 2, the old version kept; then the evaluation previewed
# from the documents menu, scrolled sideways and saved as a PDF whose text
# reads back.
q() { sqlite3 demo.db "$1"; }
start "$HD --db demo.db"
wait_for "Năm học 2026-2027"
keys e
wait_for "Tháng 11/2026: chưa chốt"
wait_for "Bản Pa Sáng"
wait_for "Toàn xã"
wait_for "Tỷ lệ bỏ học của thôn trên 1 %"
# k asks first; n leaves the month open
keys k
wait_for "Chốt tháng 11/2026?"
keys n
wait_for "Tháng 11/2026: chưa chốt"
[ "$(q 'SELECT count(*) FROM month_snapshot')" = 0 ] || fail "closed on a no"
keys k
wait_for "Chốt tháng 11/2026?"
keys y
wait_for "Tháng 11/2026: đã chốt (lần 1)"
# a second k is refused; r asks for the reason, which is required
keys k
wait_for "Tháng này đã chốt"
keys r
wait_for "Sửa số liệu tháng 11/2026"
keys F2
wait_for "bắt buộc"
type_text "Bổ sung học sinh bỏ học thôn Plei Kép"
keys F2
wait_for "Tháng 11/2026: đã chốt (lần 2)"
[ "$(q "SELECT group_concat(number || status, ' ') FROM month_snapshot")" = "1superseded 2closed" ] ||
    fail "versions: $(q "SELECT group_concat(number || status, ' ') FROM month_snapshot")"
# behind a figure: the village's figures, and the children its dropouts
# of the year are (the same as the command line lists)
out=$("$HD" --db demo.db month children 2026-11 dropouts_year --village "Bản Pa Sáng")
name=$(printf '%s\n' "$out" | sed -n 2p | awk '{print $2, $3, $4}')
[ -n "$name" ] || fail "no dropout in Bản Pa Sáng: $out"
keys Enter
wait_for "Bản Pa Sáng, tháng 11/2026"
keys Down Down Down Down Down Down Enter
wait_for "1 trẻ"
wait_for "$name"
keys Enter
wait_for "Lịch sử tình trạng"
keys Escape Escape Escape
wait_for "Tháng 11/2026: đã chốt (lần 2)"
# the month before, then back
keys '<'
wait_for "Tháng 10/2026: chưa chốt"
keys '>'
wait_for "Tháng 11/2026: đã chốt (lần 2)"
keys Escape
wait_for "Năm học 2026-2027"
# the documents: 5 is the branch evaluation, previewed as printed
keys p
wait_for "Bảng đánh giá chi bộ"
keys 5
wait_for "BẢNG ĐÁNH GIÁ CHI BỘ" 10
wait_for "số liệu đã chốt (lần 2)"
wait_gone "CỘNG HÒA XÃ HỘI"
keys Right Right Right Right Right
wait_for "CỘNG HÒA XÃ HỘI"
# and back to the left edge, still in the preview (← is not "back" here)
keys Left Left Left Left Left
wait_gone "CỘNG HÒA XÃ HỘI"
wait_for "BẢNG ĐÁNH GIÁ CHI BỘ VỀ"
keys Right Right Right Right Right
wait_for "CỘNG HÒA XÃ HỘI"
keys f
wait_for "Đã lưu:" 20
[ -s evaluation-2026-11.pdf ] || fail "no PDF"
pdftotext evaluation-2026-11.pdf - | grep -q "Bản Pa Sáng" || fail "the PDF's text"
keys Escape Escape
wait_for "Năm học 2026-2027"
keys F10
wait_for "[exited]"
stop
