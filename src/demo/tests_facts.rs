//! The seed facts of the news reports, checked the way the site's searches would find them.

use std::collections::HashSet;

use super::sites::RESERVED_SEARCHES;
use super::tests::{data, district, maker, only_site, product_search, rows_of, showrooms_in, stocked};
use crate::domain::{Category, Product, Site, SiteKind, Stars};

#[test]
fn searches_for_named_sites_find_exactly_one() {
    for query in RESERVED_SEARCHES {
        only_site(query);
    }
}

#[test]
fn the_202_ho_tung_mau_showroom_sells_mainly_food() {
    let site = only_site("202 Hồ Tùng Mậu");
    assert_eq!(site.district_id, district("Bắc Từ Liêm"));
    assert_eq!(site.operator.as_deref(), Some("Công ty TNHH Đầu tư và Phát triển Nông nghiệp Hà Nội"));
    assert!(
        site.description.contains("1/12/2022")
            && site.description.contains("thực phẩm chế biến")
            && site.description.contains("nông sản sạch")
    );
    let shelf = stocked(site);
    let food = shelf.iter().filter(|p| p.category == Category::Food).count();
    assert!(food * 10 >= shelf.len() * 7, "{food} of {}", shelf.len());
}

#[test]
fn bac_tu_liem_has_the_two_reported_showrooms() {
    assert_eq!(showrooms_in("Bắc Từ Liêm"), 2);
    let atpc = only_site("Trung tâm Xúc tiến thương mại nông nghiệp");
    assert_eq!(atpc.district_id, district("Bắc Từ Liêm"));
    for fact in ["100 m²", "hơn 400 sản phẩm OCOP", "15 tỉnh, thành phố", "quần áo, đồ uống, rau củ, đồ nội thất"]
    {
        assert!(atpc.description.contains(fact), "{fact}");
    }
    assert!(rows_of(atpc).len() > 400);
}

#[test]
fn phu_xuyen_and_soc_son_have_their_reported_showrooms_and_products() {
    assert_eq!(showrooms_in("Phú Xuyên"), 5);
    assert_eq!(showrooms_in("Sóc Sơn"), 8);
    let in_district = |name: &str| data().products.iter().filter(|p| maker(p).district_id == district(name)).count();
    assert_eq!(in_district("Phú Xuyên"), 135);
    assert_eq!(data().producers.iter().filter(|m| m.district_id == district("Phú Xuyên")).count(), 38);
    assert_eq!(in_district("Sóc Sơn"), 76);
    for name in ["Rau cần Khai Thái", "Măng tây Hồng Thái", "Bưởi Bạch Hạ"] {
        let p = data().products.iter().find(|p| p.name == name).expect(name);
        assert_eq!(maker(p).district_id, district("Phú Xuyên"));
    }
}

#[test]
fn the_phu_loi_showroom_shows_nine_four_star_phu_loi_items() {
    let site = only_site("mỹ nghệ Phú Lợi");
    assert_eq!(site.district_id, district("Phú Xuyên"));
    let phu_loi: Vec<&Product> = data().products.iter().filter(|p| maker(p).name == "Cơ sở mỹ nghệ Phú Lợi").collect();
    assert_eq!(phu_loi.len(), 9);
    assert!(phu_loi.iter().all(|p| p.stars == Stars::FOUR && p.category == Category::Handicrafts));
    let village = maker(phu_loi[0]).village_id.map(|v| data().villages[v as usize - 1].name.as_str());
    assert_eq!(village, Some("Làng Thanh Sơn (Sơn Hà)"));
    let shelf = stocked(site);
    assert_eq!(shelf.iter().filter(|p| maker(p).name == "Cơ sở mỹ nghệ Phú Lợi").count(), 9);
    assert!(product_search("phú lợi").iter().filter(|p| p.stars == Stars::FOUR).count() >= 9);
}

#[test]
fn the_bac_son_cooperative_stocks_its_named_three_and_four_star_products() {
    let site = only_site("HTX Nông lâm nghiệp Bắc Sơn");
    assert_eq!(site.district_id, district("Sóc Sơn"));
    assert_eq!(site.operator.as_deref(), Some("HTX Nông lâm nghiệp Bắc Sơn"));
    let shelf = stocked(site);
    let names: Vec<&str> = shelf.iter().map(|p| p.name.as_str()).collect();
    for named in [
        "Rau hữu cơ Thanh Xuân",
        "Rau hữu cơ Trung Giã",
        "Nấm công nghệ cao KMS Minh Phú",
        "Măng tây Minh Trí",
        "Dưa lưới Minh Trí",
        "Bánh chưng xanh Hải Yến 20",
        "Chuối tiêu hồng Nam Sơn",
        "Bưởi sạch Phú Cường",
        "Đu đủ Nam Sơn",
        "Sản phẩm thủ công mỹ nghệ Trái tim Hồng",
        "Chè an toàn Bắc Sơn",
        "Trà thảo dược Tâm Ngọc",
    ] {
        assert!(names.contains(&named), "{named} missing");
    }
    assert!(shelf.iter().all(|p| p.stars == Stars::THREE || p.stars == Stars::FOUR));
}

#[test]
fn design_centres_are_at_the_named_craft_villages() {
    let centres: Vec<&Site> = data().sites.iter().filter(|s| s.kind == SiteKind::DesignCentre).collect();
    assert!(centres.iter().all(|s| s.name.starts_with("Trung tâm thiết kế sáng tạo và giới thiệu sản phẩm OCOP")));
    for (place, district_name) in [
        ("Bát Tràng", "Gia Lâm"),
        ("Hạ Thái", "Thường Tín"),
        ("Chuyên Mỹ", "Phú Xuyên"),
        ("Phú Vinh", "Chương Mỹ"),
        ("Đường Lâm", "Sơn Tây"),
    ] {
        assert!(centres.iter().any(|s| s.name.contains(place) && s.district_id == district(district_name)), "{place}");
    }
    let rated: Vec<Stars> = centres.iter().filter_map(|s| s.stars).collect();
    assert_eq!(rated.len(), 5);
    assert!(rated.iter().all(|s| *s == Stars::THREE || *s == Stars::FOUR));
    assert_eq!(centres.iter().map(|s| s.district_id).collect::<HashSet<_>>().len(), 16);
}

#[test]
fn the_six_five_star_products_are_the_reported_ones() {
    let five: Vec<&Product> = data().products.iter().filter(|p| p.stars == Stars::FIVE).collect();
    let mut makers: Vec<&str> = five.iter().map(|p| maker(p).name.as_str()).collect();
    makers.sort_unstable();
    makers.dedup();
    assert_eq!(makers, ["Công ty TNHH Dâu tằm tơ Mỹ Đức", "Công ty TNHH Gốm sứ Quang Vinh", "HTX Sản xuất kinh doanh gốm sứ Tân Thịnh"]);
    let quilt = product_search("chăn tơ tằm").into_iter().filter(|p| p.stars == Stars::FIVE).collect::<Vec<_>>();
    assert_eq!(quilt.len(), 1);
    assert_eq!(quilt[0].name, "Chăn bông tơ tằm tự dệt");
    for tea in ["Trà Phúc", "Trà Lộc", "Trà Thọ"] {
        let p = data().products.iter().find(|p| p.name == tea).expect(tea);
        assert!(p.five_star_potential && p.stars == Stars::FOUR);
    }
    // Bát Tràng's five-star ceramics are on Gia Lâm shelves.
    let gia_lam = district("Gia Lâm");
    assert!(data().stock.iter().any(|r| {
        let p = &data().products[r.product_id as usize - 1];
        p.stars == Stars::FIVE && p.category == Category::Handicrafts && data().sites[r.site_id as usize - 1].district_id == gia_lam
    }));
}

#[test]
fn named_makers_hold_their_reported_products() {
    let vu = product_search("vũ văn định");
    assert_eq!(vu.iter().filter(|p| p.stars == Stars::FOUR).count(), 8, "{:?}", vu.iter().map(|p| &p.name).collect::<Vec<_>>());
    assert!(vu.iter().all(|p| maker(p).name.contains("Vũ Văn Định") && p.category == Category::Handicrafts));
    let silk: Vec<&Product> = data().products.iter().filter(|p| maker(p).name == "Công ty TNHH Dâu tằm tơ Mỹ Đức").collect();
    assert!(silk.iter().all(|p| p.description.contains("Phan Thị Thuận") && maker(p).district_id == district("Mỹ Đức")));
    for name in ["Khăn lụa tơ tằm Phùng Xá", "Khăn lụa tơ sen Phùng Xá", "Lụa tơ tằm dệt hoa sen Phùng Xá", "Gối cưới lụa tơ sen Phùng Xá"]
    {
        assert!(silk.iter().any(|p| p.name == name && p.stars == Stars::FOUR), "{name}");
    }
    let cu_da = data().products.iter().find(|p| p.name == "Tương Cự Đà").expect("Tương Cự Đà");
    assert_eq!((cu_da.stars, maker(cu_da).district_id), (Stars::THREE, district("Thanh Oai")));
    assert!(product_search("tương cự đà").iter().any(|p| p.id == cu_da.id));
    let com: Vec<&Product> = data().products.iter().filter(|p| maker(p).name.contains("phố Hàng Than")).collect();
    assert_eq!(com.len(), 10);
    assert!(com.iter().all(|p| p.stars == Stars::THREE));
    let bao_minh = data().products.iter().filter(|p| maker(p).name.contains("Bảo Minh") && p.five_star_potential).count();
    assert_eq!(bao_minh, 6);
}

#[test]
fn every_product_and_showroom_of_the_research_file_is_in() {
    let source: serde_json::Value = serde_json::from_str(include_str!("../../data/hanoi-places.json")).expect("json");
    let group_rows = [17, 18, 19, 22, 23, 24, 25];
    for row in source["ocop_products"].as_array().expect("products") {
        let id = row["id"].as_i64().expect("id");
        let name = row["name_vi"].as_str().expect("name");
        let stem = name.split(" (").next().unwrap_or(name);
        if !group_rows.contains(&id) {
            assert!(data().products.iter().any(|p| p.name.starts_with(stem)), "product {id} {name}");
        }
    }
    for row in source["ocop_showrooms"].as_array().expect("showrooms") {
        let name = row["name"].as_str().expect("name");
        let stem = name.split(" (").next().unwrap_or(name);
        let expected = if name.contains("2 points") { 2 } else { 1 };
        let found = data().sites.iter().filter(|s| s.name.starts_with(stem)).count();
        assert_eq!(found, expected, "showroom {name}");
    }
}
