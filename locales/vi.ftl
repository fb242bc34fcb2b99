# Giao diện tiếng Việt của ocop-locator (the Vietnamese interface).
#
# One message a line: `id = text`. Keep every id and every { $placeholder } as it is and
# translate only the text; a test fails when a language lacks an id or changes a placeholder.
# A new language is a copy of this file under its code (e.g. ko.ftl) plus one line in
# src/i18n/mod.rs. Numbers, dates and distances arrive already formatted by the messages
# at the end of this file (number_group, date_format, decimal_separator).

## Every page

site_name = OCOP Hà Nội
tagline = Tìm điểm bán và sản phẩm OCOP 3–5 sao của Hà Nội
skip_to_content = Bỏ qua, đến nội dung chính
nav_label = Điều hướng chính
nav_home = Trang chủ
nav_near = Gần tôi
nav_villages = Làng nghề
nav_sites = Điểm bán
nav_products = Sản phẩm
nav_districts = Quận, huyện
sample_label = Dữ liệu mẫu
sample_notice = Dữ liệu mẫu: danh sách chính thức các điểm bán OCOP chưa được công bố, nên các điểm bán, sản phẩm và tồn kho trên trang này là dữ liệu minh họa.
footer_about = Hà Nội có khoảng 110 điểm giới thiệu và bán sản phẩm OCOP và 16 trung tâm thiết kế sáng tạo. Từ 1/7/2025 Hà Nội có 126 phường, xã; tên quận, huyện cũ vẫn được dùng để tra cứu.
footer_boundaries = Ranh giới: Bản đồ đơn vị hành chính Việt Nam (sapnhap.bando.com.vn), NXB Tài nguyên – Môi trường và Bản đồ Việt Nam; dữ liệu qua vietnamese-provinces-database (MIT).
search_label = Tìm điểm bán, sản phẩm, làng nghề, địa danh
search_placeholder = ví dụ: trà, gốm Bát Tràng, lụa, bat trang
search_button = Tìm
home_counts_heading = Mạng lưới OCOP Hà Nội
home_showrooms = điểm giới thiệu và bán sản phẩm
home_design_centres = trung tâm thiết kế sáng tạo
home_products = sản phẩm OCOP còn hiệu lực
home_five_star_potential = tiềm năng 5 sao
home_five_star = đạt 5 sao
home_four_star = đạt 4 sao
home_three_star = đạt 3 sao
home_browse_heading = Tìm theo quận, huyện
home_browse_intro = Tên quận, huyện trước ngày 1/7/2025; mỗi trang liệt kê cả các phường, xã hiện nay.
districts_title = Quận, huyện
districts_intro = Hà Nội bỏ cấp quận, huyện từ ngày 1/7/2025 và nay có 126 phường, xã. Vì nhiều người vẫn gọi theo tên cũ, điểm bán được xếp theo 30 quận, huyện, thị xã trước đây.
district_kind_urban = Quận
district_kind_rural = Huyện
district_kind_town = Thị xã
district_sites_heading = Điểm bán và trung tâm
district_wards_heading = Phường, xã hiện nay
district_wards_intro = Các đơn vị từ 1/7/2025 được lập chủ yếu từ địa bàn này:
district_villages_heading = Làng nghề
district_products_link = Sản phẩm OCOP của địa bàn
district_no_sites = Chưa có điểm bán nào ở đây.
col_district = Quận, huyện
col_sites = Điểm bán
col_showrooms = Điểm bán
col_design_centres = Trung tâm
sites_title = Điểm bán sản phẩm OCOP
sites_found = điểm phù hợp
sites_unfiltered = điểm
filter_summary_none = chưa chọn
filter_change = Sửa
sites_none = Không có điểm nào phù hợp. Hãy bỏ bớt bộ lọc.
products_title = Sản phẩm OCOP
products_found = sản phẩm phù hợp
products_none = Không có sản phẩm nào phù hợp. Hãy bỏ bớt bộ lọc.
text_none = Không có kết quả nào cho từ khóa này.
text_none_search_all = Tìm trong tất cả điểm bán, làng nghề và địa danh
filter_heading = Bộ lọc
filter_kind = Loại điểm
filter_district = Quận, huyện
filter_category = Nhóm sản phẩm
filter_min_stars = Hạng sao
filter_text = Từ khóa
filter_any = Tất cả
filter_submit = Lọc
filter_reset = Xóa bộ lọc
kind_showroom = Điểm giới thiệu và bán sản phẩm OCOP
kind_design_centre = Trung tâm thiết kế sáng tạo
site_address = Địa chỉ
site_ward = Phường, xã
site_hours = Giờ mở cửa
site_hours_unknown = Chưa rõ giờ mở cửa
site_call = Gọi
site_from_you = cách vị trí bạn chọn
site_stock_filter = Tìm trong danh sách
site_stock_in_stock_only = Chỉ hàng còn
site_stock_jump = Đến nhóm
site_stock_none_match = Không có sản phẩm nào khớp với bộ lọc.
site_phone = Điện thoại
report_link = Báo thông tin sai
report_missing_link = Không thấy hàng?
report_title = Báo thông tin sai
report_kind_label = Điều gì không đúng?
report_product_label = Sản phẩm
report_no_product = — Cả điểm bán —
report_note_label = Ghi chú (không bắt buộc)
report_send = Gửi
report_thanks = Cảm ơn bạn. Nhân viên điểm bán sẽ kiểm tra lại.
report_back = Về trang điểm bán
report_privacy = Không cần tài khoản. Chúng tôi không lưu tên hay địa chỉ của bạn.
report_rate_limited = Bạn đã gửi nhiều báo cáo trong giờ qua. Hãy thử lại sau.
site_operator = Đơn vị vận hành
site_directions = Chỉ đường
site_stock_heading = Sản phẩm đang bày bán
site_no_stock = Điểm này chưa cập nhật sản phẩm.
# After a count: "12 products · 9 in stock".
products_counted = sản phẩm
site_products_available = đang có hàng
site_inactive = Điểm này đã ngừng hoạt động.
product_producer = Cơ sở sản xuất
product_origin = Địa bàn
product_village = Làng nghề
product_category = Nhóm
product_rating = Hạng
product_certificate = Chứng nhận
product_certified_on = Ngày công nhận
product_price = Giá tham khảo
product_where_to_buy = Mua ở đâu
product_nowhere = Chưa có điểm bán nào báo có sản phẩm này.
product_service_note = Đây là dịch vụ du lịch: hãy liên hệ trực tiếp cơ sở.
five_star_potential = tiềm năng 5 sao
not_certified = không còn được chứng nhận
col_product = Sản phẩm
col_rating = Hạng
col_status = Tình trạng
col_site = Điểm bán
col_distance = Cách
map_caption = Bản đồ: ranh giới phường, xã năm 2025; sông Hồng vẽ gần đúng, chỉ để định hướng. Số trên bản đồ là số thứ tự trong danh sách.
map_label = Bản đồ các điểm bán
map_zoom_in = Phóng to bản đồ
map_zoom_out = Thu nhỏ bản đồ
map_reset = Về khung ban đầu
col_visit = Giờ mở cửa, đến đó
see_on_shelf = Xem trên kệ
product_by_distance = Gần nhất trước, tính từ vị trí bạn đã chọn.
pagination_label = Phân trang
page_previous = Trang trước
page_next = Trang sau
error_not_found_title = Không tìm thấy trang
error_not_found_body = Địa chỉ này không dẫn tới điểm bán, sản phẩm hay quận, huyện nào.
error_bad_request_title = Yêu cầu không hợp lệ
error_bad_request_body = Hãy sửa những điều sau rồi thử lại:
error_internal_title = Có lỗi xảy ra
error_internal_body = Máy chủ gặp sự cố khi xử lý yêu cầu. Dữ liệu của bạn không bị mất; hãy thử lại sau ít phút.
error_method_title = Không hỗ trợ thao tác này
error_method_body = Địa chỉ này chỉ để xem, không nhận dữ liệu gửi lên.
error_unauthorized_title = Cần đăng nhập
error_unauthorized_body = Hãy đăng nhập bằng tài khoản nhân viên để tiếp tục.
error_forbidden_title = Không có quyền
error_forbidden_body = Tài khoản của bạn không được phép làm việc này. Không có gì bị thay đổi.
error_conflict_title = Dữ liệu vừa được người khác thay đổi
error_conflict_body = Hãy tải lại trang để xem số liệu mới nhất rồi thử lại. Không có gì bị ghi đè.
error_back_home = Về trang chủ
# The language's own name, in the language switch of every page.
language_name = Tiếng Việt
# The locale link previews (Open Graph) name.
og_locale = vi_VN
# After a description shown in Vietnamese on a page in another language.
content_untranslated = (bằng tiếng Việt)
language_switch_label = Ngôn ngữ
# Shown, in this language, on a page in another language when the browser prefers this one.
offer_this_language = Trang này có bằng tiếng Việt

## Near me

near_nav = Gần tôi
near_title = Điểm bán OCOP gần bạn
near_intro = Cho biết bạn đang ở đâu: chúng tôi xếp các điểm bán theo khoảng cách, gần nhất trước, kèm giờ mở cửa và hàng còn hay hết.
near_use_location = Dùng vị trí của tôi
near_locating = Đang xác định vị trí…
near_geolocation_failed = Không lấy được vị trí của bạn (trình duyệt từ chối, không hỗ trợ hoặc quá lâu). Hãy chọn một địa điểm bên dưới.
near_choose_heading = Hoặc chọn vị trí
near_pick_label = Chọn nơi bạn đang ở
near_pick_submit = Chọn
near_pick_from_list = Chọn từ danh sách: địa điểm quen thuộc, quận, huyện, phường, xã
near_type_submit = Tìm nơi này
near_landmark_label = Địa điểm quen thuộc
near_ward_label = Phường, xã
near_district_label = Quận, huyện (cũ)
near_where_label = Địa chỉ, tên đường hoặc tọa độ
near_where_hint = Ví dụ: “Bát Tràng”, “Hàng Gai”, “21.0287, 105.8524” hoặc đường link Google Maps / OpenStreetMap.
near_choose_any = — chọn —
near_submit = Tìm điểm gần nhất
near_filters_heading = Lọc
near_product_label = Sản phẩm (mã)
near_in_stock_only = Chỉ nơi còn hàng
near_open_now_only = Đang mở cửa
near_outside_hanoi = Vị trí này nằm ngoài Hà Nội.
near_none_found = Không có điểm bán nào khớp với bộ lọc. Hãy bỏ bớt điều kiện.
near_remember = Ghi nhớ vị trí này (sắp xếp mọi danh sách theo khoảng cách)
near_forget = Quên vị trí đã nhớ
near_remembered_note = Đang sắp xếp theo khoảng cách từ vị trí bạn đã chọn.
near_call = Gọi
near_zalo = Zalo
near_directions_google = Chỉ đường (Google Maps)
near_directions_osm = Chỉ đường (OpenStreetMap)
near_hours_unknown_marked = Chưa rõ giờ mở cửa
near_temporarily_closed = Tạm đóng cửa
near_results_heading = Gần nhất trước
near_nearest_first = điểm, gần nhất trước
near_distance_heading = Khoảng cách

## Craft villages and OCOP

tourist_nav_villages = Làng nghề
tourist_villages_title = Làng nghề Hà Nội
tourist_villages_intro = Những làng nghề có chủ thể làm sản phẩm OCOP: làng làm gì, ở đâu, sản phẩm nào được gắn sao và mua ở đâu.
tourist_craft_label = Nghề
tourist_villages_found = làng
tourist_villages_none = Không có làng nào khớp với bộ lọc.
tourist_makes = Nghề
tourist_where_heading = Ở đâu
tourist_former_district = Quận, huyện cũ
tourist_commune = Phường, xã (từ 1/7/2025)
tourist_from_ho_guom = Cách Hồ Gươm
tourist_products_heading = Sản phẩm OCOP của làng
tourist_products_none = Chưa có sản phẩm OCOP nào của làng trong danh mục.
tourist_all_products = Xem tất cả sản phẩm của làng
tourist_buy_heading = Mua ở đâu
tourist_buy_intro = Các điểm bán có sản phẩm của làng, gần làng nhất trước.
tourist_buy_none = Chưa điểm bán nào có sản phẩm của làng.
tourist_from_village = cách làng
tourist_of_its_products = sản phẩm của làng
tourist_day_trip_heading = Đi trong ngày
tourist_nearby_villages = Làng nghề trong vòng 10 km
tourist_nearby_none = Không có làng nghề nào khác trong vòng 10 km.
tourist_on_the_way = Điểm bán trên đường từ Hồ Gươm
tourist_directions = Chỉ đường từ Hồ Gươm
tourist_ocop_title = OCOP và hạng sao
tourist_ocop_link = Hạng sao OCOP nghĩa là gì?

## Search

search_title = Tìm kiếm
search_intro = Một ô tìm cho tất cả: điểm bán, trung tâm thiết kế, sản phẩm, cơ sở sản xuất, làng nghề, quận huyện cũ và phường xã mới. Gõ có dấu hay không dấu đều được, tiếng Việt hay tiếng Anh (“tea”, “silk”).
search_too_short = Hãy gõ ít nhất 2 chữ cái.
search_nothing_found = Không tìm thấy kết quả nào cho
search_did_you_mean = Có phải bạn muốn tìm
search_try_these = Thử tìm
search_examples_0 = trà
search_examples_1 = gốm Bát Tràng
search_examples_2 = lụa Vạn Phúc
search_examples_3 = mật ong
search_examples_4 = nón lá
search_examples_5 = khảm trai
search_examples_6 = Gia Lâm
search_examples_7 = tea
search_showrooms = Điểm bán
search_design_centres = Trung tâm thiết kế sáng tạo
search_products = Sản phẩm
search_producers = Cơ sở sản xuất
search_villages = Làng nghề
search_districts = Quận, huyện cũ
search_wards = Phường, xã
search_jump = Kết quả theo loại
search_see_all = Xem tất cả
search_producer_products = sản phẩm

## What OCOP and its stars mean (/ocop)

ocop_title = OCOP và hạng sao
ocop_intro = OCOP (“Mỗi xã một sản phẩm”) là chương trình quốc gia đánh giá và xếp hạng sản phẩm đặc trưng của các địa phương. Sản phẩm được chấm điểm theo bộ tiêu chí chung và xếp từ 1 đến 5 sao; chỉ sản phẩm từ 3 sao trở lên mới được công nhận là sản phẩm OCOP.
ocop_stars_heading = Ba, bốn, năm sao nghĩa là gì
ocop_col_rating = Hạng
ocop_col_score = Điểm
ocop_col_meaning = Ý nghĩa
ocop_col_rated_by = Ai đánh giá
ocop_five = 5 sao
ocop_four = 4 sao
ocop_three = 3 sao
ocop_five_meaning = Sản phẩm cấp quốc gia, có thể cạnh tranh quốc tế
ocop_four_meaning = Đạt tiêu chuẩn, có thể nâng lên 5 sao (“tiềm năng 5 sao” là sản phẩm 4 sao được thành phố đề cử)
ocop_three_meaning = Đạt tiêu chuẩn, có thể nâng lên 4 sao
ocop_national_council = Hội đồng cấp trung ương
ocop_city_council = Hội đồng cấp thành phố
ocop_below = Dưới 50 điểm (1–2 sao), sản phẩm chưa được công nhận OCOP.
ocop_validity_heading = Giấy chứng nhận có thời hạn
ocop_validity = Mỗi giấy chứng nhận OCOP có hiệu lực 36 tháng. Sau đó sản phẩm phải được đánh giá lại; trang này không hiển thị sao cho sản phẩm có giấy chứng nhận đã hết hạn.
ocop_groups_heading = Sáu nhóm sản phẩm
ocop_hanoi_heading = Ở Hà Nội
ocop_hanoi = Từ năm 2019 đến giữa năm 2025, Hà Nội đã đánh giá, công nhận 3.317 sản phẩm OCOP: 6 sản phẩm 5 sao, 22 sản phẩm tiềm năng 5 sao, 1.571 sản phẩm 4 sao và 1.718 sản phẩm 3 sao. Thành phố có khoảng 1.350 làng nghề.
ocop_sources = Nguồn: bộ tiêu chí OCOP quốc gia; Việt Nam News, “Hà Nội boosts promotion of OCOP products to expand market”.

## Formatted messages: the { $name } parts are filled in by the program.

# How numbers and dates are written: "3.129", "12,4 km", "01/12/2026" (chrono's strftime codes).
number_group = .
decimal_separator = ,
date_format = %d/%m/%Y

category_food = Thực phẩm
category_beverages = Đồ uống
category_herbal = Thảo dược
category_fabrics_garments = Vải và may mặc
category_handicrafts = Lưu niệm, nội thất, trang trí
category_rural_tourism = Dịch vụ du lịch cộng đồng, du lịch sinh thái

stock_in_stock = Còn hàng
stock_limited = Sắp hết
stock_out_of_stock = Hết hàng
stock_unconfirmed = Chưa xác nhận

ward_kind_ward = Phường
ward_kind_commune = Xã
# A district or ward with its kind: "Huyện Gia Lâm", "Phường Bồ Đề".
unit_name = { $kind } { $name }
# A ward known by a number ("Phường 3"): the kind comes first in every language.
unit_name_numbered = { $kind } { $name }

# What a screen reader says for a rating.
stars = { $stars } sao
min_stars = Từ { $stars } sao
updated_ago = { $days ->
    [0] cập nhật hôm nay
    [1] cập nhật hôm qua
   *[other] cập nhật { $days } ngày trước
}
certificate_valid = Còn hiệu lực đến { $date }
certificate_expiring = Sắp hết hạn: hiệu lực đến { $date }
certificate_expired = Đã hết hạn ngày { $date }
price = { $amount } ₫
weekday_0 = Thứ Hai
weekday_1 = Thứ Ba
weekday_2 = Thứ Tư
weekday_3 = Thứ Năm
weekday_4 = Thứ Sáu
weekday_5 = Thứ Bảy
weekday_6 = Chủ nhật
day_range = { $first } – { $last }
hours_span = { $days }: { $times }
ward_formerly = { $ward } (trước đây thuộc { $district })
of_all = , trong tổng số { $all }
still_certified = , { $valid } còn hiệu lực chứng nhận
page_of = Trang { $page }/{ $pages }
closed_until = Tạm đóng cửa, mở lại ngày { $date }.
closed_until_because = Tạm đóng cửa ({ $note }), mở lại ngày { $date }.

report_kind_not_in_stock = Sản phẩm không có ở điểm bán
report_kind_wrong_price = Giá không đúng
report_kind_wrong_hours = Giờ mở cửa không đúng
report_kind_wrong_address = Địa chỉ không đúng
report_kind_closed = Điểm bán đóng cửa

# Why a form field was refused; { $field } is the field's name as the form shows it.
problem_required = “{ $field }”: cần điền.
problem_not_whole_number = “{ $field }”: phải là số nguyên.
problem_out_of_range = “{ $field }”: phải từ { $min } đến { $max }.
problem_too_long = “{ $field }”: dài quá { $max } ký tự.
problem_too_short = “{ $field }”: cần ít nhất { $min } ký tự.
problem_malformed = “{ $field }”: không đúng dạng.
problem_wrong_password = “{ $field }”: mật khẩu không đúng.
problem_mismatch = “{ $field }”: hai lần nhập không khớp.
problem_not_found = “{ $field }”: không có trong danh mục.
problem_inactive = “{ $field }”: đã bị khóa; hãy mở lại trước.
problem_unexpected = “{ $field }”: không phải cột của định dạng này.
problem_not_utf8 = Tệp không phải văn bản UTF-8: hãy lưu lại dưới dạng “CSV UTF-8”.
problem_taken = “{ $field }”: giá trị này đã được dùng.
problem_repeated = “{ $field }”: được nhập hai lần.
csv_line = Dòng { $line }: { $problem }
csv_unreadable_line = Dòng { $line }: không đọc được dòng này (số cột sai hoặc dấu ngoặc kép không khớp).

# A list filter that could not be read; { $value } is what was typed.
filter_bad_stars = Hạng sao phải là 3, 4 hoặc 5, không phải “{ $value }”.
filter_bad_page = Số trang phải là số nguyên dương, không phải “{ $value }”.
filter_bad_district = Không có quận, huyện nào mang mã “{ $value }”.
filter_bad_category = Không có nhóm sản phẩm “{ $value }”.
filter_bad_kind = Loại điểm phải là showroom hoặc design_centre, không phải “{ $value }”.
filter_bad_craft = Không có nghề “{ $value }”.
filter_text_too_long = Từ khóa dài quá { $max } ký tự.

## Near me, formatted

near_distance_m = { $metres } m
near_distance_km = { $km } km
near_far = Điểm gần nhất cách { $distance }: hãy gọi trước khi đi.
near_open_until = Đang mở cửa, đóng lúc { $when }
near_open_all_day = Đang mở cửa, cả ngày
near_closed_until = Đang đóng cửa, mở lại { $when }
near_closed = Đang đóng cửa
# When a site opens or closes: "17:30" today, "8:00 ngày mai", "8:00 thứ Hai".
near_when_today = { $time }
near_when_tomorrow = { $time } ngày mai
near_when_weekday = { $time } { $weekday }
near_weekday_0 = thứ Hai
near_weekday_1 = thứ Ba
near_weekday_2 = thứ Tư
near_weekday_3 = thứ Năm
near_weekday_4 = thứ Sáu
near_weekday_5 = thứ Bảy
near_weekday_6 = Chủ nhật
near_label_place_unit = Gần { $place } — { $unit }
near_label_unit = Gần { $unit }
near_label_place = Gần { $place }
near_coordinates = tọa độ { $lat }, { $lon }
near_not_a_number = { $field } phải là một số (ví dụ 21.0287), không phải “{ $value }”.
near_latitude_out_of_range = Vĩ độ phải từ −90 đến 90, không phải “{ $value }”.
near_longitude_out_of_range = Kinh độ phải từ −180 đến 180, không phải “{ $value }”.
near_unknown_place = Không có địa điểm, phường, xã hay quận, huyện nào mang mã “{ $value }”.
near_unknown_product = Không có sản phẩm nào mang mã “{ $value }”.
near_nowhere = Không tìm thấy nơi nào khớp với “{ $value }”: hãy thử tên phường, tên đường, hoặc dán tọa độ hay đường link bản đồ.
near_half_coordinates = Cần cả vĩ độ (lat) và kinh độ (lon).

## Craft villages, formatted

tourist_craft_ceramics = Gốm sứ
tourist_craft_silk = Lụa tơ tằm
tourist_craft_textiles = Dệt, may
tourist_craft_embroidery = Thêu
tourist_craft_lacquer = Sơn mài
tourist_craft_inlay = Khảm trai
tourist_craft_rattan_bamboo = Mây tre đan
tourist_craft_conical_hats = Nón lá
tourist_craft_incense = Hương
tourist_craft_wood = Gỗ, chạm khắc
tourist_craft_metal = Kim hoàn, dát vàng
tourist_craft_food = Đặc sản ăn uống
tourist_craft_other = Nghề khác

## Search, formatted

search_results_for = { $count ->
   *[other] { $shown } kết quả cho “{ $query }”
}
