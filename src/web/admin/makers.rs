//! Producers and craft villages: city staff list, create (producers) and edit them.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::Utc;
use serde::Deserialize;

use super::guard::Staff;
use super::view::{AdminChrome, render, render_with, see_other, text_field as text};
use crate::catalog::Catalog;
use crate::db::makers::{self, Maker, ProducerFields, VillageFields};
use crate::domain::input::{FieldError, FieldProblem};
use crate::domain::map_link::parse_coordinates;
use crate::domain::text::{SearchTerms, fold, slugify};
use crate::error::AppError;
use crate::i18n::{AdminTexts, Lang};
use crate::web::AppState;

#[derive(Template)]
#[template(path = "admin/makers.html")]
struct MakersPage {
    chrome: AdminChrome,
    /// "producers" or "villages".
    kind: &'static str,
    query: String,
    rows: Vec<(i64, String, String)>,
}

#[derive(Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
}

pub async fn producers(state: web::Data<AppState>, staff: Staff, query: web::Query<ListQuery>) -> Result<HttpResponse, AppError> {
    let catalog = state.catalog.snapshot();
    let terms = SearchTerms::new(&query.q);
    let mut rows: Vec<(i64, String, String)> = catalog
        .producers
        .iter()
        .filter(|p| terms.matches(&fold(&p.name)))
        .map(|p| (p.id, p.name.clone(), catalog.district(p.district_id).map(|d| d.name.clone()).unwrap_or_default()))
        .collect();
    rows.sort_by(|a, b| a.1.cmp(&b.1));
    rows.truncate(300);
    render(&MakersPage {
        chrome: AdminChrome::new(AdminTexts::vi().producers_title, Some(&staff)),
        kind: "producers",
        query: query.q.clone(),
        rows,
    })
}

pub async fn villages(state: web::Data<AppState>, staff: Staff, query: web::Query<ListQuery>) -> Result<HttpResponse, AppError> {
    let catalog = state.catalog.snapshot();
    let terms = SearchTerms::new(&query.q);
    let mut rows: Vec<(i64, String, String)> =
        catalog.villages.iter().filter(|v| terms.matches(&fold(&v.name))).map(|v| (v.id, v.name.clone(), v.craft_vi.clone())).collect();
    rows.sort_by(|a, b| a.1.cmp(&b.1));
    render(&MakersPage {
        chrome: AdminChrome::new(AdminTexts::vi().villages_title, Some(&staff)),
        kind: "villages",
        query: query.q.clone(),
        rows,
    })
}

/// Either form, as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct MakerForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    district: String,
    #[serde(default)]
    village: String,
    #[serde(default)]
    craft_vi: String,
    #[serde(default)]
    craft_en: String,
    #[serde(default)]
    coordinates: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    seen: String,
}

#[derive(Template)]
#[template(path = "admin/maker_form.html")]
struct MakerFormPage {
    chrome: AdminChrome,
    action: String,
    is_village: bool,
    form: MakerForm,
    districts: Vec<(i64, String)>,
    villages: Vec<(i64, String)>,
    problems: Vec<String>,
    notice: Option<&'static str>,
}

fn form_page(
    catalog: &Catalog,
    staff: &Staff,
    title: String,
    action: String,
    is_village: bool,
    form: MakerForm,
    errors: &[FieldError],
) -> MakerFormPage {
    let t = Lang::Vi.texts();
    let admin = AdminTexts::vi();
    let mut villages: Vec<(i64, String)> = catalog.villages.iter().map(|v| (v.id, v.name.clone())).collect();
    villages.sort_by(|a, b| a.1.cmp(&b.1));
    MakerFormPage {
        chrome: AdminChrome::new(title, Some(staff)),
        action,
        is_village,
        form,
        districts: catalog.districts_by_name().map(|d| (d.id, d.name.clone())).collect(),
        villages,
        problems: errors.iter().map(|e| t.field_problem(admin.maker_field(&e.field), &e.problem)).collect(),
        notice: None,
    }
}

fn district(catalog: &Catalog, errors: &mut Vec<FieldError>, value: &str) -> i64 {
    match value.parse::<i64>().ok().filter(|id| catalog.district(*id).is_some()) {
        Some(id) => id,
        None => {
            errors.push(FieldError::new("district", FieldProblem::Required));
            0
        }
    }
}

impl MakerForm {
    fn producer(&self, catalog: &Catalog) -> Result<ProducerFields, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = text(&mut errors, "name", &self.name, 160, true);
        let district_id = district(catalog, &mut errors, &self.district);
        let village_id = match self.village.as_str() {
            "" | "0" => 0,
            id => id.parse::<i64>().ok().filter(|id| catalog.village(*id).is_some()).unwrap_or_else(|| {
                errors.push(FieldError::new("village", FieldProblem::NotFound));
                0
            }),
        };
        if errors.is_empty() { Ok(ProducerFields { name, district_id, village_id }) } else { Err(errors) }
    }

    fn village(&self, catalog: &Catalog) -> Result<VillageFields, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = text(&mut errors, "name", &self.name, 160, true);
        let craft_vi = text(&mut errors, "craft_vi", &self.craft_vi, 160, true);
        let craft_en = text(&mut errors, "craft_en", &self.craft_en, 160, false);
        let description = text(&mut errors, "description", &self.description, 4000, false);
        let district_id = district(catalog, &mut errors, &self.district);
        let (lat, lon) = parse_coordinates(&self.coordinates).unwrap_or_else(|| {
            errors.push(FieldError::new("coordinates", FieldProblem::Malformed));
            (0.0, 0.0)
        });
        if errors.is_empty() { Ok(VillageFields { name, craft_vi, craft_en, district_id, lat, lon, description }) } else { Err(errors) }
    }
}

pub async fn producer_form(state: web::Data<AppState>, staff: Staff, id: web::Path<i64>) -> Result<HttpResponse, AppError> {
    let catalog = state.catalog.snapshot();
    let current: ProducerFields = makers::fields(&state.db, *id).await?.ok_or(AppError::NotFound)?;
    let form = MakerForm {
        name: current.name.clone(),
        district: current.district_id.to_string(),
        village: current.village_id.to_string(),
        seen: current.fingerprint(),
        ..MakerForm::default()
    };
    let title = AdminTexts::vi().edit_maker_title(&current.name);
    render(&form_page(&catalog, &staff, title, format!("/admin/producers/{id}/edit"), false, form, &[]))
}

pub async fn save_producer(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<i64>,
    form: web::Form<MakerForm>,
) -> Result<HttpResponse, AppError> {
    let catalog = state.catalog.snapshot();
    let title = AdminTexts::vi().edit_maker_title(&form.name);
    let action = format!("/admin/producers/{id}/edit");
    let new = match form.producer(&catalog) {
        Ok(new) => new,
        Err(errors) => {
            return render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form_page(&catalog, &staff, title, action, false, form.into_inner(), &errors),
            );
        }
    };
    save(&state, makers::update(&state.db, *id, &form.seen, &new, &staff.account.username, Utc::now()).await, &action).await
}

pub async fn village_form(state: web::Data<AppState>, staff: Staff, id: web::Path<i64>) -> Result<HttpResponse, AppError> {
    let catalog = state.catalog.snapshot();
    let current: VillageFields = makers::fields(&state.db, *id).await?.ok_or(AppError::NotFound)?;
    let form = MakerForm {
        name: current.name.clone(),
        district: current.district_id.to_string(),
        craft_vi: current.craft_vi.clone(),
        craft_en: current.craft_en.clone(),
        coordinates: format!("{:.6}, {:.6}", current.lat, current.lon),
        description: current.description.clone(),
        seen: current.fingerprint(),
        ..MakerForm::default()
    };
    let title = AdminTexts::vi().edit_maker_title(&current.name);
    render(&form_page(&catalog, &staff, title, format!("/admin/villages/{id}/edit"), true, form, &[]))
}

pub async fn save_village(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<i64>,
    form: web::Form<MakerForm>,
) -> Result<HttpResponse, AppError> {
    let catalog = state.catalog.snapshot();
    let title = AdminTexts::vi().edit_maker_title(&form.name);
    let action = format!("/admin/villages/{id}/edit");
    let new = match form.village(&catalog) {
        Ok(new) => new,
        Err(errors) => {
            return render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form_page(&catalog, &staff, title, action, true, form.into_inner(), &errors),
            );
        }
    };
    save(&state, makers::update(&state.db, *id, &form.seen, &new, &staff.account.username, Utc::now()).await, &action).await
}

/// After an update: reload here and show the form again (a stale form is a 409 error page).
async fn save(state: &AppState, result: Result<(), AppError>, action: &str) -> Result<HttpResponse, AppError> {
    result?;
    state.catalog.catch_up(&state.db).await?;
    Ok(see_other(&format!("{action}?saved=1")))
}

pub async fn new_producer_form(state: web::Data<AppState>, staff: Staff) -> Result<HttpResponse, AppError> {
    let catalog = state.catalog.snapshot();
    let title = AdminTexts::vi().new_producer_title.to_owned();
    render(&form_page(&catalog, &staff, title, "/admin/producers/new".into(), false, MakerForm::default(), &[]))
}

pub async fn create_producer(state: web::Data<AppState>, staff: Staff, form: web::Form<MakerForm>) -> Result<HttpResponse, AppError> {
    let catalog = state.catalog.snapshot();
    let title = AdminTexts::vi().new_producer_title.to_owned();
    let new = match form.producer(&catalog) {
        Ok(new) => new,
        Err(errors) => {
            return render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form_page(&catalog, &staff, title, "/admin/producers/new".into(), false, form.into_inner(), &errors),
            );
        }
    };
    let id = match makers::create_producer(&state.db, &slugify(&new.name), &new, &staff.account.username, Utc::now()).await {
        Ok(id) => id,
        Err(AppError::Validation(errors)) => {
            return render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form_page(&catalog, &staff, title, "/admin/producers/new".into(), false, form.into_inner(), &errors),
            );
        }
        Err(other) => return Err(other),
    };
    state.catalog.catch_up(&state.db).await?;
    Ok(see_other(&format!("/admin/producers/{id}/edit?saved=1")))
}
