//! Producers and craft villages: city staff list, create, edit, deactivate and reactivate them.
//! One set of handlers serves both, through `MakerPage`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::Utc;
use serde::Deserialize;

use super::guard::Staff;
use super::view::{ActiveForm, AdminChrome, render, render_with, see_other, text_field as text};
use crate::catalog::Catalog;
use crate::db::makers::{self, Maker, ProducerFields, VillageFields};
use crate::domain::input::{FieldError, FieldProblem};
use crate::domain::map_link::parse_coordinates;
use crate::domain::text::{SearchTerms, fold, slugify};
use crate::error::AppError;
use crate::i18n::{AdminTexts, Lang};
use crate::web::AppState;

/// What differs between the producer pages and the village pages.
pub trait MakerPage: Maker + Sized {
    /// The path segment: "producers" or "villages".
    const KIND: &'static str;
    fn list_title(t: &AdminTexts) -> &'static str;
    fn new_title(t: &AdminTexts) -> &'static str;
    /// (id, name, detail, active) for each row whose name matches.
    fn rows(catalog: &Catalog, terms: &SearchTerms) -> Vec<ListRow>;
    fn read(form: &MakerForm, catalog: &Catalog) -> Result<Self, Vec<FieldError>>;
    fn to_form(&self) -> MakerForm;
}

pub type ListRow = (i64, String, String, bool);

impl MakerPage for ProducerFields {
    const KIND: &'static str = "producers";
    fn list_title(t: &AdminTexts) -> &'static str {
        t.producers_title
    }
    fn new_title(t: &AdminTexts) -> &'static str {
        t.new_producer_title
    }
    fn rows(catalog: &Catalog, terms: &SearchTerms) -> Vec<ListRow> {
        let district = |id| catalog.district(id).map(|d| d.name.clone()).unwrap_or_default();
        catalog
            .producers
            .iter()
            .filter(|p| terms.matches(&fold(&p.name)))
            .map(|p| (p.id, p.name.clone(), district(p.district_id), p.active))
            .collect()
    }
    fn read(form: &MakerForm, catalog: &Catalog) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = text(&mut errors, "name", &form.name, 160, true);
        let district_id = district(catalog, &mut errors, &form.district);
        let village_id = match form.village.as_str() {
            "" | "0" => 0,
            id => id.parse::<i64>().ok().filter(|id| catalog.village(*id).is_some()).unwrap_or_else(|| {
                errors.push(FieldError::new("village", FieldProblem::NotFound));
                0
            }),
        };
        if errors.is_empty() { Ok(ProducerFields { name, district_id, village_id }) } else { Err(errors) }
    }
    fn to_form(&self) -> MakerForm {
        MakerForm {
            name: self.name.clone(),
            district: self.district_id.to_string(),
            village: self.village_id.to_string(),
            seen: self.fingerprint(),
            ..MakerForm::default()
        }
    }
}

impl MakerPage for VillageFields {
    const KIND: &'static str = "villages";
    fn list_title(t: &AdminTexts) -> &'static str {
        t.villages_title
    }
    fn new_title(t: &AdminTexts) -> &'static str {
        t.new_village_title
    }
    fn rows(catalog: &Catalog, terms: &SearchTerms) -> Vec<ListRow> {
        catalog
            .villages
            .iter()
            .filter(|v| terms.matches(&fold(&v.name)))
            .map(|v| (v.id, v.name.clone(), v.craft_vi.clone(), v.active))
            .collect()
    }
    fn read(form: &MakerForm, catalog: &Catalog) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = text(&mut errors, "name", &form.name, 160, true);
        let craft_vi = text(&mut errors, "craft_vi", &form.craft_vi, 160, true);
        let craft_en = text(&mut errors, "craft_en", &form.craft_en, 160, false);
        let description = text(&mut errors, "description", &form.description, 4000, false);
        let description_en = text(&mut errors, "description_en", &form.description_en, 4000, false);
        let district_id = district(catalog, &mut errors, &form.district);
        let (lat, lon) = parse_coordinates(&form.coordinates).unwrap_or_else(|| {
            errors.push(FieldError::new("coordinates", FieldProblem::Malformed));
            (0.0, 0.0)
        });
        if errors.is_empty() {
            Ok(VillageFields { name, craft_vi, craft_en, district_id, lat, lon, description, description_en })
        } else {
            Err(errors)
        }
    }
    fn to_form(&self) -> MakerForm {
        MakerForm {
            name: self.name.clone(),
            district: self.district_id.to_string(),
            craft_vi: self.craft_vi.clone(),
            craft_en: self.craft_en.clone(),
            coordinates: format!("{:.6}, {:.6}", self.lat, self.lon),
            description: self.description.clone(),
            description_en: self.description_en.clone(),
            seen: self.fingerprint(),
            ..MakerForm::default()
        }
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

#[derive(Template)]
#[template(path = "admin/makers.html")]
struct MakersPage {
    chrome: AdminChrome,
    kind: &'static str,
    new_title: &'static str,
    query: String,
    rows: Vec<ListRow>,
}

#[derive(Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
}

pub async fn list<M: MakerPage>(state: web::Data<AppState>, staff: Staff, query: web::Query<ListQuery>) -> Result<HttpResponse, AppError> {
    let catalog = state.catalog.snapshot();
    let mut rows = M::rows(&catalog, &SearchTerms::new(&query.q));
    rows.sort_by(|a, b| a.1.cmp(&b.1));
    rows.truncate(300);
    let t = AdminTexts::vi();
    render(&MakersPage {
        chrome: AdminChrome::new(M::list_title(t), Some(&staff)),
        kind: M::KIND,
        new_title: M::new_title(t),
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
    description_en: String,
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
    /// When editing: the path that (de)activates it, and whether it is active now.
    switch: Option<(String, bool)>,
    notice: Option<&'static str>,
}

fn form_page<M: MakerPage>(
    catalog: &Catalog,
    staff: &Staff,
    title: String,
    action: String,
    form: MakerForm,
    errors: &[FieldError],
    switch: Option<(String, bool)>,
) -> MakerFormPage {
    let t = Lang::Vi.texts();
    let admin = AdminTexts::vi();
    let mut villages: Vec<(i64, String)> = catalog.villages.iter().filter(|v| v.active).map(|v| (v.id, v.name.clone())).collect();
    villages.sort_by(|a, b| a.1.cmp(&b.1));
    MakerFormPage {
        chrome: AdminChrome::new(title, Some(staff)),
        action,
        is_village: M::KIND == VillageFields::KIND,
        form,
        districts: catalog.districts_by_name().map(|d| (d.id, d.name.clone())).collect(),
        villages,
        problems: errors.iter().map(|e| t.field_problem(admin.maker_field(&e.field), &e.problem)).collect(),
        switch,
        notice: None,
    }
}

/// Whether the row is active now, from the snapshot.
fn is_active<M: MakerPage>(catalog: &Catalog, id: i64) -> bool {
    if M::KIND == VillageFields::KIND {
        catalog.village(id).is_none_or(|v| v.active)
    } else {
        catalog.producer(id).is_none_or(|p| p.active)
    }
}

pub async fn edit_form<M: MakerPage>(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<i64>,
    req: actix_web::HttpRequest,
) -> Result<HttpResponse, AppError> {
    let catalog = state.catalog.snapshot();
    let current: M = makers::fields(&state.db, *id).await?.ok_or(AppError::NotFound)?;
    let form = current.to_form();
    let title = AdminTexts::vi().edit_maker_title(&form.name);
    let switch = Some((format!("/admin/{}/{id}/active", M::KIND), is_active::<M>(&catalog, *id)));
    let mut page = form_page::<M>(&catalog, &staff, title, format!("/admin/{}/{id}/edit", M::KIND), form, &[], switch);
    page.notice = req.query_string().contains("saved=1").then_some(AdminTexts::vi().site_saved);
    render(&page)
}

pub async fn save<M: MakerPage>(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<i64>,
    form: web::Form<MakerForm>,
) -> Result<HttpResponse, AppError> {
    let catalog = state.catalog.snapshot();
    let action = format!("/admin/{}/{id}/edit", M::KIND);
    let new = match M::read(&form, &catalog) {
        Ok(new) => new,
        Err(errors) => {
            let title = AdminTexts::vi().edit_maker_title(&form.name);
            let switch = Some((format!("/admin/{}/{id}/active", M::KIND), is_active::<M>(&catalog, *id)));
            return render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form_page::<M>(&catalog, &staff, title, action, form.into_inner(), &errors, switch),
            );
        }
    };
    // A stale form is a 409 error page.
    makers::update(&state.db, *id, &form.seen, &new, &staff.account.username, Utc::now()).await?;
    state.catalog.catch_up(&state.db).await?;
    Ok(see_other(&format!("{action}?saved=1")))
}

pub async fn new_form<M: MakerPage>(state: web::Data<AppState>, staff: Staff) -> Result<HttpResponse, AppError> {
    let catalog = state.catalog.snapshot();
    let title = M::new_title(AdminTexts::vi()).to_owned();
    render(&form_page::<M>(&catalog, &staff, title, format!("/admin/{}/new", M::KIND), MakerForm::default(), &[], None))
}

pub async fn create<M: MakerPage>(state: web::Data<AppState>, staff: Staff, form: web::Form<MakerForm>) -> Result<HttpResponse, AppError> {
    let catalog = state.catalog.snapshot();
    let refuse = |form: MakerForm, errors: &[FieldError]| {
        let title = M::new_title(AdminTexts::vi()).to_owned();
        render_with(
            StatusCode::UNPROCESSABLE_ENTITY,
            &form_page::<M>(&catalog, &staff, title, format!("/admin/{}/new", M::KIND), form, errors, None),
        )
    };
    let new = match M::read(&form, &catalog) {
        Ok(new) => new,
        Err(errors) => return refuse(form.into_inner(), &errors),
    };
    let slug = Some(slugify(&form.name)).filter(|s| !s.is_empty()).unwrap_or_else(|| M::NOUN.to_owned());
    let id = match makers::create(&state.db, &slug, &new, &staff.account.username, Utc::now()).await {
        Ok(id) => id,
        Err(AppError::Validation(errors)) => return refuse(form.into_inner(), &errors),
        Err(other) => return Err(other),
    };
    state.catalog.catch_up(&state.db).await?;
    Ok(see_other(&format!("/admin/{}/{id}/edit?saved=1", M::KIND)))
}

pub async fn set_active<M: MakerPage>(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<i64>,
    form: web::Form<ActiveForm>,
) -> Result<HttpResponse, AppError> {
    makers::set_active::<M>(&state.db, *id, form.is_on(), &staff.account.username, Utc::now()).await?;
    state.catalog.catch_up(&state.db).await?;
    Ok(see_other(&format!("/admin/{}/{id}/edit?saved=1", M::KIND)))
}
