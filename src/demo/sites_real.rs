//! The showrooms named in the research data and the news reports, with their published names
//! and addresses (English notes of the research file turned into Vietnamese or dropped).

use super::places::Places;
use super::real::Named;
use super::sites::{Plan, Spec};
use crate::domain::{Category, SiteKind};

/// (name, address, former district, current unit, operator, description, hours)
type Row = (&'static str, &'static str, &'static str, &'static str, Option<&'static str>, &'static str, &'static str);

/// The 17 entries of `ocop_showrooms` (the two "2 points" entries twice) and the two
/// Bắc Từ Liêm stores of the news reports, in that order.
const ROWS: [Row; 21] = [
    (
        "Điểm giới thiệu và bán sản phẩm OCOP - Phúc Hậu Mart",
        "Phúc Hậu Mart, phường Vĩnh Phúc, quận Ba Đình",
        "Ba Đình",
        "Phường Ngọc Hà",
        None,
        "Điểm giới thiệu và bán sản phẩm OCOP trong siêu thị Phúc Hậu Mart, khoảng 70 sản phẩm OCOP.",
        "Mo-Su 07:30-21:30",
    ),
    (
        "Điểm OCOP - Công ty TNHH Siêu thị Hoàng Cầu",
        "Ngõ 59 phố Hoàng Cầu, phường Ô Chợ Dừa, quận Đống Đa",
        "Đống Đa",
        "Phường Đống Đa",
        Some("Công ty TNHH Siêu thị Hoàng Cầu"),
        "Quầy sản phẩm OCOP trong siêu thị Hoàng Cầu, khoảng 60 sản phẩm OCOP.",
        "Mo-Su 08:00-21:00",
    ),
    (
        "Điểm OCOP - cửa hàng nhà B11 Kim Liên",
        "Nhà B11 Kim Liên, phường Kim Liên, quận Đống Đa",
        "Đống Đa",
        "Phường Kim Liên",
        None,
        "Cửa hàng giới thiệu và bán sản phẩm OCOP ở khu tập thể Kim Liên.",
        "Mo-Su 08:00-20:00",
    ),
    (
        "Điểm OCOP - Biggreen (Công ty TNHH thực phẩm sạch Biggreen Việt Nam)",
        "Số 79 Trần Nguyên Đán, phường Định Công, quận Hoàng Mai",
        "Hoàng Mai",
        "Phường Định Công",
        Some("Công ty TNHH thực phẩm sạch Biggreen Việt Nam"),
        "Cửa hàng thực phẩm sạch có quầy giới thiệu và bán sản phẩm OCOP.",
        "Mo-Su 07:00-21:00",
    ),
    (
        "Điểm OCOP - Công ty TNHH Hương Việt Sinh",
        "Số 183 phố Ngô Gia Tự, quận Long Biên",
        "Long Biên",
        "Phường Việt Hưng",
        Some("Công ty TNHH Hương Việt Sinh"),
        "Hơn 100 sản phẩm OCOP: giò chả, xúc xích, ruốc, rau củ và quần áo.",
        "Mo-Su 07:30-21:00",
    ),
    (
        "Điểm OCOP huyện Thanh Oai",
        "Cửa hàng số 545 Quốc lộ 21B, xã Thanh Lương, huyện Thanh Oai",
        "Thanh Oai",
        "Xã Thanh Oai",
        None,
        "Sản phẩm OCOP của Thanh Oai: bánh cuốn Thanh Lương, gạo Tam Hưng, giò chả và rau.",
        "Mo-Su 07:30-20:00",
    ),
    (
        "Điểm OCOP - HTX hoa cây cảnh và dịch vụ Hồng Vân",
        "HTX hoa cây cảnh và dịch vụ Hồng Vân, xã Hồng Vân, huyện Thường Tín",
        "Thường Tín",
        "Xã Hồng Vân",
        Some("HTX hoa cây cảnh và dịch vụ Hồng Vân"),
        "Điểm OCOP thứ hai của huyện Thường Tín, khoảng 100 sản phẩm OCOP.",
        "Mo-Su 07:30-18:00",
    ),
    (
        "Điểm OCOP - HTX Nông lâm nghiệp Bắc Sơn",
        "HTX Nông lâm nghiệp Bắc Sơn, xã Bắc Sơn, huyện Sóc Sơn",
        "Sóc Sơn",
        "Xã Trung Giã",
        Some("HTX Nông lâm nghiệp Bắc Sơn"),
        "Khai trương ngày 3/12/2022, bán sản phẩm OCOP 3 và 4 sao của Sóc Sơn: rau hữu cơ Thanh Xuân và Trung Giã, nấm công nghệ cao KMS Minh Phú, măng tây và dưa lưới Minh Trí, bánh chưng xanh Hải Yến 20, chuối tiêu hồng và đu đủ Nam Sơn, bưởi sạch Phú Cường, đồ thủ công mỹ nghệ Trái tim Hồng, chè an toàn Bắc Sơn, trà thảo dược Tâm Ngọc.",
        "Mo-Su 07:30-17:30",
    ),
    (
        "Điểm OCOP - Cơ sở mỹ nghệ Phú Lợi",
        "Thôn Thanh Sơn, xã Sơn Hà, huyện Phú Xuyên",
        "Phú Xuyên",
        "Xã Phú Xuyên",
        Some("Cơ sở mỹ nghệ Phú Lợi"),
        "Điểm OCOP thứ hai của huyện Phú Xuyên, khai trương ngày 3/12/2022; trưng bày chín sản phẩm mỹ nghệ 4 sao của cơ sở Phú Lợi, thôn Thanh Sơn, xã Sơn Hà.",
        "Mo-Su 08:00-17:30",
    ),
    (
        "Điểm OCOP - chợ Đồng Xuân",
        "Chợ Đồng Xuân, quận Hoàn Kiếm",
        "Hoàn Kiếm",
        "Phường Hoàn Kiếm",
        None,
        "Quầy giới thiệu và bán sản phẩm OCOP trong chợ Đồng Xuân.",
        "Mo-Su 06:00-18:00",
    ),
    (
        "Cửa hàng Khánh Phát",
        "Xã Tản Lĩnh, huyện Ba Vì",
        "Ba Vì",
        "Xã Suối Hai",
        None,
        "Sữa và các sản phẩm OCOP khác của Ba Vì.",
        "Mo-Su 07:00-19:00",
    ),
    (
        "Điểm OCOP làng lụa Vạn Phúc (điểm 1)",
        "Làng lụa Vạn Phúc, phường Vạn Phúc, quận Hà Đông",
        "Hà Đông",
        "Phường Hà Đông",
        None,
        "Lụa Vạn Phúc và sản phẩm OCOP của làng lụa.",
        "Mo-Su 08:00-19:00",
    ),
    (
        "Điểm OCOP làng lụa Vạn Phúc (điểm 2)",
        "Làng lụa Vạn Phúc, phường Vạn Phúc, quận Hà Đông",
        "Hà Đông",
        "Phường Hà Đông",
        None,
        "Lụa Vạn Phúc và sản phẩm OCOP của làng lụa.",
        "Mo-Su 08:00-19:00",
    ),
    (
        "Điểm OCOP làng gốm Bát Tràng (điểm 1)",
        "Làng gốm Bát Tràng, xã Bát Tràng, huyện Gia Lâm",
        "Gia Lâm",
        "Xã Bát Tràng",
        None,
        "Gốm sứ Bát Tràng và sản phẩm OCOP của làng gốm.",
        "Mo-Su 07:30-18:30",
    ),
    (
        "Điểm OCOP làng gốm Bát Tràng (điểm 2)",
        "Làng gốm Bát Tràng, xã Bát Tràng, huyện Gia Lâm",
        "Gia Lâm",
        "Xã Bát Tràng",
        None,
        "Gốm sứ Bát Tràng và sản phẩm OCOP của làng gốm.",
        "Mo-Su 07:30-18:30",
    ),
    (
        "Điểm OCOP làng cổ Đường Lâm",
        "Làng cổ Đường Lâm, xã Đường Lâm, thị xã Sơn Tây",
        "Sơn Tây",
        "Phường Sơn Tây",
        None,
        "Tương, chè lam, kẹo và sản phẩm OCOP của làng cổ Đường Lâm.",
        "Mo-Su 08:00-17:30",
    ),
    (
        "Điểm OCOP làng nghề may Vân Từ",
        "Làng nghề may Vân Từ, xã Vân Từ, huyện Phú Xuyên",
        "Phú Xuyên",
        "Xã Chuyên Mỹ",
        None,
        "Hàng may mặc của làng Vân Từ và sản phẩm OCOP của Phú Xuyên.",
        "Mo-Sa 08:00-17:30",
    ),
    (
        "Điểm OCOP làng sơn mài Hạ Thái",
        "Làng sơn mài Hạ Thái, xã Duyên Thái, huyện Thường Tín",
        "Thường Tín",
        "Xã Hồng Vân",
        None,
        "Đồ sơn mài Hạ Thái và sản phẩm OCOP của Thường Tín.",
        "Mo-Su 08:00-17:30",
    ),
    (
        "Điểm OCOP xã Sài Sơn",
        "Xã Sài Sơn, huyện Quốc Oai",
        "Quốc Oai",
        "Xã Quốc Oai",
        None,
        "Điểm OCOP thí điểm của xã Sài Sơn (2019–2020), bán sản phẩm OCOP của Quốc Oai.",
        "Mo-Su 07:30-17:30",
    ),
    (
        "Điểm giới thiệu và bán sản phẩm OCOP quận Bắc Từ Liêm",
        "Số 202 Hồ Tùng Mậu, phường Phú Diễn, quận Bắc Từ Liêm",
        "Bắc Từ Liêm",
        "Phường Phú Diễn",
        Some("Công ty TNHH Đầu tư và Phát triển Nông nghiệp Hà Nội"),
        "Khai trương ngày 1/12/2022; bán thực phẩm chế biến và nông sản sạch của quận Bắc Từ Liêm và các quận, huyện khác.",
        "Mo-Su 08:00-21:00",
    ),
    (
        "Cửa hàng OCOP - Trung tâm Xúc tiến thương mại nông nghiệp",
        "Trung tâm Xúc tiến thương mại nông nghiệp, quận Bắc Từ Liêm",
        "Bắc Từ Liêm",
        "Phường Xuân Đỉnh",
        Some("Trung tâm Xúc tiến thương mại nông nghiệp"),
        "Cửa hàng rộng 100 m² bày bán hơn 400 sản phẩm OCOP của 15 tỉnh, thành phố: quần áo, đồ uống, rau củ, đồ nội thất.",
        "Mo-Su 08:00-20:00",
    ),
];

/// The named showrooms with their stock plans.
pub(super) fn specs(places: &Places, named: &Named, ba_vi_dairy: &[usize]) -> Vec<Spec> {
    ROWS.iter()
        .enumerate()
        .map(|(i, &(name, address, district, ward, operator, description, hours))| {
            let mut plan = Plan::default();
            match i {
                0 => plan.size = Some(70),
                1 => plan.size = Some(60),
                3 => plan.focus = Some((Category::Food, 0.7)),
                4 => (plan.size, plan.focus) = (Some(110), Some((Category::Food, 0.75))),
                5 => plan.must = named.thanh_oai.clone(),
                6 => plan.size = Some(100),
                7 => (plan.must, plan.max_stars, plan.district_share) = (named.soc_son_showcase.clone(), Some(4), 0.85),
                8 => plan.must = named.phu_loi.clone(),
                9 => plan.must = named.com.iter().copied().step_by(2).collect(),
                10 => (plan.must, plan.district_share) = (ba_vi_dairy.to_vec(), 0.85),
                11 | 12 => plan.village = Some(places.village("Van Phuc")),
                13 | 14 => (plan.village, plan.must) = (Some(places.village("Bat Trang")), named.bat_trang_five.clone()),
                15 => plan.village = Some(places.village("Duong Lam")),
                16 => plan.village = Some(places.village("Van Tu")),
                17 => plan.village = Some(places.village("Ha Thai")),
                19 => plan.focus = Some((Category::Food, 0.85)),
                20 => (plan.size, plan.district_share) = (Some(420), 0.05),
                _ => {}
            }
            Spec {
                kind: SiteKind::Showroom,
                name: name.to_owned(),
                address: address.to_owned(),
                district: places.district(district),
                ward: places.ward(ward),
                operator: operator.map(str::to_owned),
                phone: None,
                description: Some(description.to_owned()),
                stars: None,
                hours,
                plan,
            }
        })
        .collect()
}
