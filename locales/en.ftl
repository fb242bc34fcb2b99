# The English interface of ocop-locator (translated from the Vietnamese, vi.ftl).
#
# One message a line: `id = text`. Keep every id and every { $placeholder } as it is and
# translate only the text; a test fails when a language lacks an id or changes a placeholder.
# A new language is a copy of this file under its code (e.g. ko.ftl) plus one line in
# src/i18n/mod.rs. Numbers, dates and distances arrive already formatted by the messages
# at the end of this file (number_group, date_format, decimal_separator).

## Every page

site_name = OCOP Hanoi
tagline = Find Hanoi's 3–5 star OCOP products and where to buy them
skip_to_content = Skip to main content
nav_label = Main navigation
nav_home = Home
nav_near = Near me
nav_villages = Craft villages
nav_sites = Showrooms
nav_products = Products
nav_districts = Districts
sample_label = Sample data
sample_notice = Sample data: the official list of OCOP showrooms has not been published yet, so the showrooms, products and stock on this site are for illustration only.
footer_about = Hanoi has about 110 OCOP showrooms and 16 innovation & design centres. Since 1 July 2025 Hanoi has had 126 wards and communes; you can still search by the former district names.
footer_boundaries = Boundaries: Bản đồ đơn vị hành chính Việt Nam (sapnhap.bando.com.vn), published by NXB Tài nguyên – Môi trường và Bản đồ Việt Nam; data via vietnamese-provinces-database (MIT).
search_label = Search showrooms, products, craft villages and places
search_placeholder = e.g. tea, Bát Tràng ceramics, silk, bat trang
search_button = Search
home_counts_heading = Hanoi's OCOP network
home_showrooms = OCOP showrooms
home_design_centres = innovation & design centres
home_products = OCOP products with valid certification
home_five_star_potential = with 5-star potential
home_five_star = rated 5 stars
home_four_star = rated 4 stars
home_three_star = rated 3 stars
home_browse_heading = Browse by district
home_browse_intro = District names from before 1 July 2025; each page also lists today's wards and communes.
districts_title = Districts
districts_intro = Hanoi abolished districts on 1 July 2025 and now has 126 wards and communes. As many people still use the old names, showrooms are grouped by the 30 former districts and towns.
district_kind_urban = District
district_kind_rural = District
district_kind_town = Town
district_sites_heading = Showrooms and centres
district_wards_heading = Today's wards and communes
district_wards_intro = Wards and communes formed on 1 July 2025 mainly from this area:
district_villages_heading = Craft villages
district_products_link = OCOP products from this area
district_no_sites = No showrooms here yet.
col_district = District
col_sites = Showrooms
col_showrooms = Showrooms
col_design_centres = Centres
sites_title = OCOP showrooms
sites_found = matching places
sites_unfiltered = places
filter_summary_none = none
filter_change = Change
sites_none = No places match. Try removing some filters.
products_title = OCOP products
products_found = matching products
products_none = No products match. Try removing some filters.
text_none = No results for this search term.
text_none_search_all = Search all showrooms, craft villages and places
filter_heading = Filters
filter_kind = Type of place
filter_district = District
filter_category = Product group
filter_min_stars = Star rating
filter_text = Keyword
filter_any = All
filter_submit = Apply
filter_reset = Clear filters
kind_showroom = OCOP showroom
kind_design_centre = Innovation & design centre
site_address = Address
site_ward = Ward/commune
site_hours = Opening hours
site_hours_unknown = Opening hours not known
site_call = Call
site_from_you = from your chosen location
site_stock_filter = Search this list
site_stock_in_stock_only = In stock only
site_stock_jump = Go to group
site_stock_none_match = No products match the filter.
site_phone = Phone
report_link = Report wrong information
report_missing_link = Not on the shelf?
report_title = Report wrong information
report_kind_label = What is wrong?
report_product_label = Product
report_no_product = — The whole showroom —
report_note_label = Note (optional)
report_send = Send
report_thanks = Thank you. The showroom staff will check it.
report_back = Back to the showroom
report_privacy = No account needed. We don't store your name or address.
report_rate_limited = You have sent a lot of reports in the past hour. Please try again later.
site_operator = Run by
site_directions = Directions
site_stock_heading = Products on sale
site_no_stock = This place hasn't listed its products yet.
# After a count: "12 products · 9 in stock".
products_counted = products
site_products_available = in stock
site_inactive = This place has closed down.
product_producer = Producer
product_origin = Area
product_village = Craft village
product_category = Group
product_rating = Rating
product_certificate = Certificate
product_certified_on = Certified on
product_price = Guide price
product_where_to_buy = Where to buy
product_nowhere = No showroom has reported stocking this product yet.
product_service_note = This is a tourism service: please contact the provider directly.
five_star_potential = 5-star potential
not_certified = no longer certified
col_product = Product
col_rating = Rating
col_status = Stock
col_site = Showroom
col_distance = Distance
map_caption = Map: 2025 ward and commune boundaries; the Red River is drawn approximately, for orientation only. The numbers on the map are the numbers in the list.
map_label = Map of showrooms
map_zoom_in = Zoom in
map_zoom_out = Zoom out
map_reset = Reset view
col_visit = Hours & directions
see_on_shelf = See on the shelf
product_by_distance = Nearest first, from your chosen location.
pagination_label = Pagination
page_previous = Previous page
page_next = Next page
error_not_found_title = Page not found
error_not_found_body = This address doesn't lead to any showroom, product or district.
error_bad_request_title = Invalid request
error_bad_request_body = Please fix the following and try again:
error_internal_title = Something went wrong
error_internal_body = The server ran into a problem handling your request. Your data is not lost; please try again in a few minutes.
error_method_title = Action not supported
error_method_body = This address is for viewing only; it does not accept submitted data.
error_unauthorized_title = Please sign in
error_unauthorized_body = Sign in with a staff account to continue.
error_forbidden_title = Not allowed
error_forbidden_body = Your account is not allowed to do this. Nothing has been changed.
error_conflict_title = Someone else has just changed this data
error_conflict_body = Reload the page to see the latest figures, then try again. Nothing has been overwritten.
error_back_home = Back to the home page
# The language's own name, in the language switch of every page.
language_name = English
# The locale link previews (Open Graph) name.
og_locale = en_GB
# After a description shown in Vietnamese on a page in another language.
content_untranslated = (in Vietnamese: no English text yet)
language_switch_label = Language
# Shown, in this language, on a page in another language when the browser prefers this one.
offer_this_language = This page is available in English

## Near me

near_nav = Near me
near_title = OCOP showrooms near you
near_intro = Tell us where you are: we list showrooms by distance, nearest first, with opening hours and what's in stock.
near_use_location = Use my location
near_locating = Finding your location…
near_geolocation_failed = Couldn't get your location (the browser refused, doesn't support it or took too long). Please choose a place below.
near_choose_heading = Or choose a location
near_pick_label = Choose where you are
near_pick_submit = Choose
near_pick_from_list = Choose from a list: landmarks, districts, wards and communes
near_type_submit = Find this place
near_landmark_label = Landmark
near_ward_label = Ward or commune
near_district_label = District (former)
near_where_label = Address, street name or coordinates
near_where_hint = E.g. “Bát Tràng”, “Hàng Gai”, “21.0287, 105.8524” or a Google Maps / OpenStreetMap link.
near_choose_any = — choose —
near_submit = Find the nearest showrooms
near_filters_heading = Filter
near_product_label = Product (code)
near_in_stock_only = In stock only
near_open_now_only = Open now
near_outside_hanoi = This location is outside Hanoi.
near_none_found = No showrooms match your filters. Try removing some.
near_remember = Remember this location (sort every list by distance)
near_forget = Forget saved location
near_remembered_note = Sorted by distance from your chosen location.
near_call = Call
near_zalo = Zalo
near_directions_google = Directions (Google Maps)
near_directions_osm = Directions (OpenStreetMap)
near_hours_unknown_marked = Opening hours not known
near_temporarily_closed = Temporarily closed
near_results_heading = Nearest first
near_nearest_first = places, nearest first
near_distance_heading = Distance

## Craft villages and OCOP

tourist_nav_villages = Craft villages
tourist_villages_title = Hanoi's craft villages
tourist_villages_intro = Craft villages with OCOP producers: what each village makes, where it is, which products have earned stars and where to buy them.
tourist_craft_label = Craft
tourist_villages_found = villages
tourist_villages_none = No villages match the filter.
tourist_makes = Craft
tourist_where_heading = Where
tourist_former_district = Former district
tourist_commune = Ward/commune (since 1 July 2025)
tourist_from_ho_guom = From Hồ Gươm
tourist_products_heading = The village's OCOP products
tourist_products_none = No OCOP products from this village in the catalogue yet.
tourist_all_products = See all products from this village
tourist_buy_heading = Where to buy
tourist_buy_intro = Showrooms stocking the village's products, nearest to the village first.
tourist_buy_none = No showroom stocks this village's products yet.
tourist_from_village = from the village
tourist_of_its_products = of the village's products
tourist_day_trip_heading = Day trip
tourist_nearby_villages = Craft villages within 10 km
tourist_nearby_none = No other craft villages within 10 km.
tourist_on_the_way = Showrooms on the way from Hồ Gươm
tourist_directions = Directions from Hồ Gươm
tourist_ocop_title = OCOP and star ratings
tourist_ocop_link = What do OCOP stars mean?

## Search

search_title = Search
search_intro = One search box for everything: showrooms, design centres, products, producers, craft villages, former districts and today's wards and communes. Type with or without Vietnamese accents, in Vietnamese or English (“tea”, “silk”).
search_too_short = Please type at least 2 letters.
search_nothing_found = No results for
search_did_you_mean = Did you mean
search_try_these = Try searching for
search_examples_0 = tea
search_examples_1 = Bát Tràng ceramics
search_examples_2 = Vạn Phúc silk
search_examples_3 = honey
search_examples_4 = conical hat
search_examples_5 = mother-of-pearl inlay
search_examples_6 = Gia Lâm
search_examples_7 = trà
search_showrooms = Showrooms
search_design_centres = Innovation & design centres
search_products = Products
search_producers = Producers
search_villages = Craft villages
search_districts = Former districts
search_wards = Wards and communes
search_jump = Results by type
search_see_all = See all
search_producer_products = products

## What OCOP and its stars mean (/ocop)

ocop_title = OCOP and its stars
ocop_intro = OCOP (“One Commune One Product”) is Vietnam's national programme that assesses and ranks each locality's signature products. Products are scored against one national set of criteria and rated from 1 to 5 stars; only products with 3 stars or more are certified as OCOP products.
ocop_stars_heading = What three, four and five stars mean
ocop_col_rating = Rating
ocop_col_score = Score
ocop_col_meaning = Meaning
ocop_col_rated_by = Rated by
ocop_five = 5 stars
ocop_four = 4 stars
ocop_three = 3 stars
ocop_five_meaning = A national-level product that can compete internationally
ocop_four_meaning = Meets the standard and may rise to 5 stars (“5-star potential” marks 4-star products the city has put forward)
ocop_three_meaning = Meets the standard and may rise to 4 stars
ocop_national_council = The national council
ocop_city_council = The city council
ocop_below = Below 50 points (1–2 stars) a product is not certified as OCOP.
ocop_validity_heading = Certificates expire
ocop_validity = Each OCOP certificate is valid for 36 months. The product must then be assessed again; this site shows no stars for a product whose certificate has expired.
ocop_groups_heading = Six product groups
ocop_hanoi_heading = In Hanoi
ocop_hanoi = From 2019 to mid-2025 Hanoi assessed and certified 3,317 OCOP products: 6 with 5 stars, 22 with 5-star potential, 1,571 with 4 stars and 1,718 with 3 stars. The city has about 1,350 craft villages.
ocop_sources = Sources: the national OCOP criteria; Việt Nam News, “Hà Nội boosts promotion of OCOP products to expand market”.

## Formatted messages: the { $name } parts are filled in by the program.

# How numbers and dates are written: "3,129", "12.4 km", "1 Dec 2026" (chrono's strftime codes).
number_group = ,
decimal_separator = .
date_format = %-d %b %Y

category_food = Food
category_beverages = Drinks
category_herbal = Herbal products
category_fabrics_garments = Fabrics & garments
category_handicrafts = Souvenirs, furniture & decor
category_rural_tourism = Community & eco-tourism services

stock_in_stock = In stock
stock_limited = Running low
stock_out_of_stock = Out of stock
stock_unconfirmed = Not confirmed

ward_kind_ward = Ward
ward_kind_commune = Commune
# A district or ward with its kind: "Gia Lâm District", "Bồ Đề Ward".
unit_name = { $name } { $kind }
# A ward known by a number ("Phường 3"): the kind comes first in every language.
unit_name_numbered = { $kind } { $name }

# What a screen reader says for a rating.
stars = { $stars } stars
min_stars = { $stars } stars and up
updated_ago = { $days ->
    [0] updated today
    [1] updated yesterday
   *[other] updated { $days } days ago
}
certificate_valid = Valid until { $date }
certificate_expiring = Expiring soon: valid until { $date }
certificate_expired = Expired on { $date }
price = { $amount } ₫
weekday_0 = Monday
weekday_1 = Tuesday
weekday_2 = Wednesday
weekday_3 = Thursday
weekday_4 = Friday
weekday_5 = Saturday
weekday_6 = Sunday
day_range = { $first } – { $last }
hours_span = { $days }: { $times }
ward_formerly = { $ward } (formerly part of { $district })
of_all = , out of { $all }
still_certified = , { $valid } with valid certification
page_of = Page { $page } of { $pages }
closed_until = Temporarily closed; reopens on { $date }.
closed_until_because = Temporarily closed ({ $note }); reopens on { $date }.

report_kind_not_in_stock = Product not available at this showroom
report_kind_wrong_price = Wrong price
report_kind_wrong_hours = Wrong opening hours
report_kind_wrong_address = Wrong address
report_kind_closed = Showroom is closed

# Why a form field was refused; { $field } is the field's name as the form shows it.
problem_required = “{ $field }”: required.
problem_not_whole_number = “{ $field }”: must be a whole number.
problem_out_of_range = “{ $field }”: must be between { $min } and { $max }.
problem_too_long = “{ $field }”: longer than { $max } characters.
problem_too_short = “{ $field }”: needs at least { $min } characters.
problem_malformed = “{ $field }”: wrong format.
problem_wrong_password = “{ $field }”: wrong password.
problem_mismatch = “{ $field }”: the two entries don't match.
problem_not_found = “{ $field }”: not in the catalogue.
problem_inactive = “{ $field }”: deactivated; reactivate it first.
problem_unexpected = “{ $field }”: not a column of this format.
problem_not_utf8 = The file is not UTF-8 text: save it again as “CSV UTF-8”.
problem_taken = “{ $field }”: this value is already in use.
problem_repeated = “{ $field }”: entered twice.
csv_line = Line { $line }: { $problem }
csv_unreadable_line = Line { $line }: this line can't be read (wrong number of columns or unmatched quotation marks).

# A list filter that could not be read; { $value } is what was typed.
filter_bad_stars = The star rating must be 3, 4 or 5, not “{ $value }”.
filter_bad_page = The page number must be a positive whole number, not “{ $value }”.
filter_bad_district = There is no district with the code “{ $value }”.
filter_bad_category = There is no product group “{ $value }”.
filter_bad_kind = The type of place must be showroom or design_centre, not “{ $value }”.
filter_bad_craft = There is no craft “{ $value }”.
filter_text_too_long = The keyword is longer than { $max } characters.

## Near me, formatted

near_distance_m = { $metres } m
near_distance_km = { $km } km
near_far = The nearest showroom is { $distance } away: call before you go.
near_open_until = Open now, closes at { $when }
near_open_all_day = Open now, all day
near_closed_until = Closed now, opens at { $when }
near_closed = Closed now
# When a site opens or closes: "17:30" today, "8:00 tomorrow", "8:00 on Monday".
near_when_today = { $time }
near_when_tomorrow = { $time } tomorrow
near_when_weekday = { $time } on { $weekday }
near_weekday_0 = Monday
near_weekday_1 = Tuesday
near_weekday_2 = Wednesday
near_weekday_3 = Thursday
near_weekday_4 = Friday
near_weekday_5 = Saturday
near_weekday_6 = Sunday
near_label_place_unit = Near { $place } — { $unit }
near_label_unit = Near { $unit }
near_label_place = Near { $place }
near_coordinates = coordinates { $lat }, { $lon }
near_not_a_number = { $field } must be a number (e.g. 21.0287), not “{ $value }”.
near_latitude_out_of_range = Latitude must be between −90 and 90, not “{ $value }”.
near_longitude_out_of_range = Longitude must be between −180 and 180, not “{ $value }”.
near_unknown_place = There is no landmark, ward, commune or district with the code “{ $value }”.
near_unknown_product = There is no product with the code “{ $value }”.
near_nowhere = Nothing found matching “{ $value }”: try a ward or street name, or paste coordinates or a map link.
near_half_coordinates = Both latitude (lat) and longitude (lon) are needed.

## Craft villages, formatted

tourist_craft_ceramics = Ceramics
tourist_craft_silk = Silk
tourist_craft_textiles = Weaving & tailoring
tourist_craft_embroidery = Embroidery
tourist_craft_lacquer = Lacquer
tourist_craft_inlay = Mother-of-pearl inlay
tourist_craft_rattan_bamboo = Rattan & bamboo
tourist_craft_conical_hats = Conical hats
tourist_craft_incense = Incense
tourist_craft_wood = Woodwork & carving
tourist_craft_metal = Goldsmithing & gilding
tourist_craft_food = Local food specialities
tourist_craft_other = Other crafts

## Search, formatted

search_results_for = { $count ->
    [one] { $shown } result for “{ $query }”
   *[other] { $shown } results for “{ $query }”
}
