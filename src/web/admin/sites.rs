//! Sites: city staff list, create, edit and deactivate them; a clerk edits their own site's
//! hours, phone, Zalo and closures.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::{NaiveDate, Utc};
use serde::Deserialize;

use super::guard::{KeptSite, Staff};
use super::view::{ActiveForm, AdminChrome, render, render_with, see_other, text_field};
use crate::catalog::Catalog;
use crate::db::sites::{self, SiteFields};
use crate::domain::OpeningHours;
use crate::domain::input::{FieldError, FieldProblem};
use crate::domain::map_link::parse_coordinates;
use crate::domain::text::slugify;
use crate::error::AppError;
use crate::i18n::{AdminTexts, Lang};
use crate::web::AppState;

#[derive(Template)]
#[template(path = "admin/sites.html")]
struct SitesPage {
    chrome: AdminChrome,
    sites: Vec<(String, String, String, bool)>,
}

pub async fn sites(state: web::Data<AppState>, staff: Staff) -> Result<HttpResponse, AppError> {
    let catalog = state.catalog.snapshot();
    let mut sites: Vec<(String, String, String, bool)> = catalog
        .sites
        .iter()
        .map(|s| (s.slug.clone(), s.name.clone(), catalog.district(s.district_id).map(|d| d.name.clone()).unwrap_or_default(), s.active))
        .collect();
    sites.sort_by(|a, b| a.1.cmp(&b.1));
    render(&SitesPage { chrome: AdminChrome::new(AdminTexts::vi().sites_title, Some(&staff)), sites })
}

/// The edit form's fields, as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct SiteForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    address: String,
    #[serde(default)]
    ward: String,
    #[serde(default)]
    lat: String,
    #[serde(default)]
    lon: String,
    #[serde(default)]
    map_link: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    zalo: String,
    #[serde(default)]
    operator: String,
    #[serde(default)]
    hours: String,
    #[serde(default)]
    closed_until: String,
    #[serde(default)]
    closure_note: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    description_en: String,
    #[serde(default)]
    stars: String,
    /// The fingerprint of the fields when the form was served.
    #[serde(default)]
    seen: String,
}

impl SiteForm {
    fn from_fields(f: &SiteFields) -> SiteForm {
        SiteForm {
            name: f.name.clone(),
            kind: f.kind.clone(),
            address: f.address.clone(),
            ward: f.ward_id.to_string(),
            lat: format!("{:.6}", f.lat),
            lon: format!("{:.6}", f.lon),
            map_link: String::new(),
            phone: f.phone.clone(),
            zalo: f.zalo.clone(),
            operator: f.operator.clone(),
            hours: f.opening_hours.clone(),
            closed_until: f.closed_until.clone(),
            closure_note: f.closure_note.clone(),
            description: f.description.clone(),
            description_en: f.description_en.clone(),
            stars: if f.stars == 0 { String::new() } else { f.stars.to_string() },
            seen: f.fingerprint(),
        }
    }

    /// The fields to store, or every problem. A clerk's form changes only what clerks may
    /// change; the rest is kept from `current`.
    fn validate(&self, catalog: &Catalog, current: &SiteFields, full: bool) -> Result<SiteFields, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut text = |field: &str, value: &str, max: usize, required: bool| text_field(&mut errors, field, value, max, required);
        let mut fields = current.clone();
        fields.phone = text("phone", &self.phone, 30, false);
        fields.zalo = text("zalo", &self.zalo, 30, false);
        fields.closure_note = text("closure_note", &self.closure_note, 200, false);
        if full {
            fields.name = text("name", &self.name, 120, true);
            fields.address = text("address", &self.address, 200, true);
            fields.operator = text("operator", &self.operator, 120, false);
            fields.description = text("description", &self.description, 2000, false);
            fields.description_en = text("description_en", &self.description_en, 2000, false);
        }
        for (field, value) in [("phone", &fields.phone), ("zalo", &fields.zalo)] {
            let digits = value.chars().filter(char::is_ascii_digit).count();
            let allowed = value.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '.' | '+' | '-' | '(' | ')'));
            if !value.is_empty() && (!allowed || !(8..=15).contains(&digits)) {
                errors.push(FieldError::new(field, FieldProblem::Malformed));
            }
        }
        match OpeningHours::parse(&self.hours) {
            Ok(hours) => fields.opening_hours = hours.to_string(),
            Err(_) => errors.push(FieldError::new("hours", FieldProblem::Malformed)),
        }
        fields.closed_until = self.closed_until.trim().to_owned();
        if !fields.closed_until.is_empty() && NaiveDate::parse_from_str(&fields.closed_until, "%Y-%m-%d").is_err() {
            errors.push(FieldError::new("closed_until", FieldProblem::Malformed));
        }
        if full {
            match self.kind.as_str() {
                "showroom" | "design_centre" => fields.kind = self.kind.clone(),
                _ => errors.push(FieldError::new("kind", FieldProblem::Required)),
            }
            match self.ward.parse::<i64>().ok().and_then(|id| catalog.ward(id)) {
                Some(ward) => (fields.ward_id, fields.district_id) = (ward.id, ward.district_id),
                None => errors.push(FieldError::new("ward", FieldProblem::Required)),
            }
            let typed = if self.map_link.trim().is_empty() { format!("{}, {}", self.lat, self.lon) } else { self.map_link.clone() };
            match parse_coordinates(&typed) {
                Some((lat, lon)) => (fields.lat, fields.lon) = (lat, lon),
                None => {
                    errors.push(FieldError::new(if self.map_link.trim().is_empty() { "lat" } else { "map_link" }, FieldProblem::Malformed))
                }
            }
            fields.stars = match self.stars.as_str() {
                "" => 0,
                "3" | "4" | "5" => self.stars.parse().unwrap_or(0),
                _ => {
                    errors.push(FieldError::new("stars", FieldProblem::Malformed));
                    0
                }
            };
        }
        if errors.is_empty() { Ok(fields) } else { Err(errors) }
    }
}

#[derive(Template)]
#[template(path = "admin/site_form.html")]
struct SiteFormPage {
    chrome: AdminChrome,
    /// Where the form posts.
    action: String,
    /// City staff edit everything; a clerk hours, phone, Zalo and closures.
    full: bool,
    form: SiteForm,
    wards: Vec<(String, Vec<(i64, String)>)>,
    problems: Vec<String>,
    invalid: Vec<String>,
    /// For an existing site: its slug, whether it is active (city staff can switch it).
    slug: Option<String>,
    active: bool,
    notice: Option<&'static str>,
}

impl SiteFormPage {
    fn is_invalid(&self, field: &str) -> bool {
        self.invalid.iter().any(|f| f == field)
    }
}

fn wards_by_district(catalog: &Catalog) -> Vec<(String, Vec<(i64, String)>)> {
    catalog
        .districts_by_name()
        .map(|d| (d.name.clone(), catalog.wards_of(d.id).map(|w| (w.id, w.name.clone())).collect()))
        .filter(|(_, wards): &(String, Vec<(i64, String)>)| !wards.is_empty())
        .collect()
}

fn form_page(
    catalog: &Catalog,
    staff: &Staff,
    title: String,
    action: String,
    form: SiteForm,
    errors: Vec<FieldError>,
    existing: Option<(String, bool)>,
) -> SiteFormPage {
    let t = Lang::Vi.texts();
    let admin = AdminTexts::vi();
    SiteFormPage {
        chrome: AdminChrome::new(title, Some(staff)),
        action,
        full: staff.account.is_admin(),
        form,
        wards: wards_by_district(catalog),
        problems: errors.iter().map(|e| t.field_problem(admin.site_field(&e.field), &e.problem)).collect(),
        invalid: errors.into_iter().map(|e| e.field).collect(),
        active: existing.as_ref().is_none_or(|(_, active)| *active),
        slug: existing.map(|(slug, _)| slug),
        notice: None,
    }
}

pub async fn edit_form(
    state: web::Data<AppState>,
    staff: Staff,
    site: KeptSite,
    req: actix_web::HttpRequest,
) -> Result<HttpResponse, AppError> {
    let catalog = state.catalog.snapshot();
    let info = catalog.site(site.id).ok_or(AppError::NotFound)?;
    let current = sites::fields(&state.db, site.id).await?.ok_or(AppError::NotFound)?;
    let title = AdminTexts::vi().edit_site_title(&info.name);
    let action = format!("/admin/sites/{}/edit", info.slug);
    let mut page =
        form_page(&catalog, &staff, title, action, SiteForm::from_fields(&current), Vec::new(), Some((info.slug.clone(), info.active)));
    page.notice = req.query_string().contains("saved=1").then_some(AdminTexts::vi().site_saved);
    render(&page)
}

pub async fn save_site(
    state: web::Data<AppState>,
    staff: Staff,
    site: KeptSite,
    form: web::Form<SiteForm>,
) -> Result<HttpResponse, AppError> {
    let catalog = state.catalog.snapshot();
    let info = catalog.site(site.id).ok_or(AppError::NotFound)?;
    let current = sites::fields(&state.db, site.id).await?.ok_or(AppError::NotFound)?;
    let title = AdminTexts::vi().edit_site_title(&info.name);
    let action = format!("/admin/sites/{}/edit", info.slug);
    let new = match form.validate(&catalog, &current, staff.account.is_admin()) {
        Ok(new) => new,
        Err(errors) => {
            let page = form_page(&catalog, &staff, title, action, form.into_inner(), errors, Some((info.slug.clone(), info.active)));
            return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    match sites::update(&state.db, site.id, &form.seen, &new, &staff.account.username, Utc::now()).await {
        Ok(_) => {}
        Err(AppError::Conflict) => {
            // Someone saved this site since the form was served: show theirs, say so.
            let mut page = form_page(
                &catalog,
                &staff,
                title,
                action,
                SiteForm::from_fields(&current),
                Vec::new(),
                Some((info.slug.clone(), info.active)),
            );
            page.problems = vec![AdminTexts::vi().site_changed_meanwhile.to_owned()];
            return render_with(StatusCode::CONFLICT, &page);
        }
        Err(other) => return Err(other),
    }
    state.catalog.catch_up(&state.db).await?;
    Ok(see_other(&format!("/admin/sites/{}/edit?saved=1", info.slug)))
}

pub async fn new_form(state: web::Data<AppState>, staff: Staff) -> Result<HttpResponse, AppError> {
    let catalog = state.catalog.snapshot();
    let form = SiteForm { kind: "showroom".into(), hours: "Mo-Su 08:00-17:30".into(), ..SiteForm::default() };
    render(&form_page(&catalog, &staff, AdminTexts::vi().new_site_title.to_owned(), "/admin/sites/new".into(), form, Vec::new(), None))
}

pub async fn create_site(state: web::Data<AppState>, staff: Staff, form: web::Form<SiteForm>) -> Result<HttpResponse, AppError> {
    let catalog = state.catalog.snapshot();
    let blank = SiteFields {
        name: String::new(),
        kind: String::new(),
        address: String::new(),
        ward_id: 0,
        district_id: 0,
        lat: 0.0,
        lon: 0.0,
        phone: String::new(),
        zalo: String::new(),
        operator: String::new(),
        opening_hours: String::new(),
        closed_until: String::new(),
        closure_note: String::new(),
        description: String::new(),
        description_en: String::new(),
        stars: 0,
    };
    let title = AdminTexts::vi().new_site_title.to_owned();
    let refuse = |errors: Vec<FieldError>, form: SiteForm| {
        render_with(
            StatusCode::UNPROCESSABLE_ENTITY,
            &form_page(&catalog, &staff, title.clone(), "/admin/sites/new".into(), form, errors, None),
        )
    };
    let new = match form.validate(&catalog, &blank, true) {
        Ok(new) => new,
        Err(errors) => return refuse(errors, form.into_inner()),
    };
    let slug = slugify(&new.name);
    match sites::create(&state.db, &slug, &new, &staff.account.username, Utc::now()).await {
        Ok(_) => {}
        Err(AppError::Validation(errors)) => return refuse(errors, form.into_inner()),
        Err(other) => return Err(other),
    }
    state.catalog.catch_up(&state.db).await?;
    Ok(see_other(&format!("/admin/sites/{slug}/edit?saved=1")))
}

pub async fn set_active(
    state: web::Data<AppState>,
    staff: Staff,
    site: KeptSite,
    form: web::Form<ActiveForm>,
) -> Result<HttpResponse, AppError> {
    let catalog = state.catalog.snapshot();
    let slug = catalog.site(site.id).map(|s| s.slug.clone()).ok_or(AppError::NotFound)?;
    sites::set_active(&state.db, site.id, form.is_on(), &staff.account.username, Utc::now()).await?;
    state.catalog.catch_up(&state.db).await?;
    Ok(see_other(&format!("/admin/sites/{slug}/edit?saved=1")))
}
