//! Products: city staff list, create, edit and deactivate them (stars, category, certificate
//! date, barcode…).

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::{NaiveDate, Utc};
use serde::Deserialize;

use super::guard::Staff;
use super::view::{ActiveForm, AdminChrome, render, render_with, see_other, text_field};
use crate::catalog::Catalog;
use crate::db::products::{self, ProductFields};
use crate::domain::Category;
use crate::domain::input::{FieldError, FieldProblem};
use crate::domain::text::{SearchTerms, fold, slugify};
use crate::error::AppError;
use crate::i18n::{AdminTexts, Lang};
use crate::web::AppState;

#[derive(Template)]
#[template(path = "admin/products.html")]
struct ProductsPage {
    chrome: AdminChrome,
    query: String,
    products: Vec<(String, String, bool)>,
}

#[derive(Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
}

pub async fn products(state: web::Data<AppState>, staff: Staff, query: web::Query<ListQuery>) -> Result<HttpResponse, AppError> {
    let terms = SearchTerms::new(&query.q);
    let products = products::list(&state.db)
        .await?
        .into_iter()
        .filter(|(_, slug, name, _)| terms.matches(&fold(&format!("{name} {slug}"))))
        .take(200)
        .map(|(_, slug, name, active)| (slug, name, active))
        .collect();
    render(&ProductsPage { chrome: AdminChrome::new(AdminTexts::vi().products_title, Some(&staff)), query: query.q.clone(), products })
}

/// The form's fields, as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ProductForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    producer: String,
    #[serde(default)]
    category: String,
    #[serde(default)]
    stars: String,
    #[serde(default)]
    five_star_potential: String,
    #[serde(default)]
    certified_on: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    description_en: String,
    #[serde(default)]
    unit: String,
    #[serde(default)]
    price_vnd: String,
    #[serde(default)]
    barcode: String,
    #[serde(default)]
    seen: String,
}

impl ProductForm {
    fn from_fields(f: &ProductFields) -> ProductForm {
        ProductForm {
            name: f.name.clone(),
            producer: f.producer_id.to_string(),
            category: f.category.clone(),
            stars: f.stars.to_string(),
            five_star_potential: if f.five_star_potential != 0 { "on".into() } else { String::new() },
            certified_on: f.certified_on.clone(),
            description: f.description.clone(),
            description_en: f.description_en.clone(),
            unit: f.unit.clone(),
            price_vnd: if f.price_vnd == 0 { String::new() } else { f.price_vnd.to_string() },
            barcode: f.barcode.clone(),
            seen: f.fingerprint(),
        }
    }

    /// `keep`: the producer the product has now, which stays acceptable even if deactivated.
    fn validate(&self, catalog: &Catalog, keep: Option<i64>) -> Result<ProductFields, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut text = |field: &str, value: &str, max: usize, required: bool| text_field(&mut errors, field, value, max, required);
        let name = text("name", &self.name, 160, true);
        let description = text("description", &self.description, 4000, false);
        let description_en = text("description_en", &self.description_en, 4000, false);
        let unit = text("unit", &self.unit, 60, false);
        let barcode = text("barcode", &self.barcode, 32, false);
        if !barcode.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            errors.push(FieldError::new("barcode", FieldProblem::Malformed));
        }
        let producer_id = match self.producer.parse::<i64>().ok().and_then(|id| catalog.producer(id)) {
            Some(p) if p.active || keep == Some(p.id) => p.id,
            Some(_) => {
                errors.push(FieldError::new("producer", FieldProblem::Inactive));
                0
            }
            None => {
                errors.push(FieldError::new("producer", FieldProblem::Required));
                0
            }
        };
        if Category::parse(&self.category).is_none() {
            errors.push(FieldError::new("category", FieldProblem::Required));
        }
        let stars = match self.stars.as_str() {
            "3" | "4" | "5" => self.stars.parse().unwrap_or(3),
            _ => {
                errors.push(FieldError::new("stars", FieldProblem::Required));
                3
            }
        };
        let certified_on = self.certified_on.trim().to_owned();
        if NaiveDate::parse_from_str(&certified_on, "%Y-%m-%d").is_err() {
            errors.push(FieldError::new("certified_on", FieldProblem::Malformed));
        }
        let price_vnd = match self.price_vnd.trim().replace(['.', ' '], "") {
            empty if empty.is_empty() => 0,
            digits => match digits.parse::<i64>() {
                Ok(p) if (0..=1_000_000_000).contains(&p) => p,
                _ => {
                    errors.push(FieldError::new("price_vnd", FieldProblem::NotWholeNumber));
                    0
                }
            },
        };
        let fields = ProductFields {
            name,
            producer_id,
            category: self.category.clone(),
            stars,
            five_star_potential: i64::from(!self.five_star_potential.is_empty() && stars == 4),
            certified_on,
            description,
            description_en,
            unit,
            price_vnd,
            barcode,
        };
        if errors.is_empty() { Ok(fields) } else { Err(errors) }
    }
}

#[derive(Template)]
#[template(path = "admin/product_form.html")]
struct ProductFormPage {
    chrome: AdminChrome,
    action: String,
    form: ProductForm,
    producers: Vec<(i64, String)>,
    categories: Vec<(&'static str, &'static str)>,
    problems: Vec<String>,
    invalid: Vec<String>,
    /// For an existing product: its slug and whether it is active.
    existing: Option<(String, bool)>,
    notice: Option<&'static str>,
}

impl ProductFormPage {
    fn is_invalid(&self, field: &str) -> bool {
        self.invalid.iter().any(|f| f == field)
    }
}

fn form_page(
    catalog: &Catalog,
    staff: &Staff,
    title: String,
    action: String,
    form: ProductForm,
    errors: Vec<FieldError>,
    existing: Option<(String, bool)>,
) -> ProductFormPage {
    let t = Lang::Vi.texts();
    let admin = AdminTexts::vi();
    // Active producers, and the chosen one even if deactivated (so an edit does not move the product).
    let mut producers: Vec<(i64, String)> = catalog
        .producers
        .iter()
        .filter(|p| p.active || form.producer == p.id.to_string())
        .map(|p| (p.id, if p.active { p.name.clone() } else { format!("{} ({})", p.name, admin.inactive_label) }))
        .collect();
    producers.sort_by(|a, b| a.1.cmp(&b.1));
    ProductFormPage {
        chrome: AdminChrome::new(title, Some(staff)),
        action,
        form,
        producers,
        categories: Category::ALL.iter().map(|&c| (c.key(), t.category(c))).collect(),
        problems: errors.iter().map(|e| t.field_problem(admin.product_field(&e.field), &e.problem)).collect(),
        invalid: errors.into_iter().map(|e| e.field).collect(),
        existing,
        notice: None,
    }
}

fn product_id(catalog: &Catalog, slug: &str) -> Result<(i64, String), AppError> {
    catalog.product_by_slug(slug).map(|p| (p.id, p.name.clone())).ok_or(AppError::NotFound)
}

pub async fn edit_form(
    state: web::Data<AppState>,
    staff: Staff,
    slug: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let catalog = state.catalog.snapshot();
    let (id, name) = product_id(&catalog, &slug)?;
    let (current, active) = products::fields(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let action = format!("/admin/products/{slug}/edit");
    let mut page = form_page(
        &catalog,
        &staff,
        AdminTexts::vi().edit_product_title(&name),
        action,
        ProductForm::from_fields(&current),
        Vec::new(),
        Some((slug.clone(), active)),
    );
    page.notice = req.query_string().contains("saved=1").then_some(AdminTexts::vi().site_saved);
    render(&page)
}

pub async fn save_product(
    state: web::Data<AppState>,
    staff: Staff,
    slug: web::Path<String>,
    form: web::Form<ProductForm>,
) -> Result<HttpResponse, AppError> {
    let catalog = state.catalog.snapshot();
    let (id, name) = product_id(&catalog, &slug)?;
    let (current, active) = products::fields(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let title = AdminTexts::vi().edit_product_title(&name);
    let action = format!("/admin/products/{slug}/edit");
    let new = match form.validate(&catalog, Some(current.producer_id)) {
        Ok(new) => new,
        Err(errors) => {
            let page = form_page(&catalog, &staff, title, action, form.into_inner(), errors, Some((slug.clone(), active)));
            return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    match products::update(&state.db, id, &form.seen, &new, &staff.account.username, Utc::now()).await {
        Ok(_) => {}
        Err(AppError::Conflict) => {
            let mut page =
                form_page(&catalog, &staff, title, action, ProductForm::from_fields(&current), Vec::new(), Some((slug.clone(), active)));
            page.problems = vec![AdminTexts::vi().site_changed_meanwhile.to_owned()];
            return render_with(StatusCode::CONFLICT, &page);
        }
        Err(other) => return Err(other),
    }
    state.catalog.catch_up(&state.db).await?;
    Ok(see_other(&format!("/admin/products/{slug}/edit?saved=1")))
}

pub async fn new_form(state: web::Data<AppState>, staff: Staff) -> Result<HttpResponse, AppError> {
    let catalog = state.catalog.snapshot();
    let form = ProductForm { stars: "3".into(), category: "food".into(), ..ProductForm::default() };
    render(&form_page(
        &catalog,
        &staff,
        AdminTexts::vi().new_product_title.to_owned(),
        "/admin/products/new".into(),
        form,
        Vec::new(),
        None,
    ))
}

pub async fn create_product(state: web::Data<AppState>, staff: Staff, form: web::Form<ProductForm>) -> Result<HttpResponse, AppError> {
    let catalog = state.catalog.snapshot();
    let title = AdminTexts::vi().new_product_title.to_owned();
    let refuse = |errors: Vec<FieldError>, form: ProductForm| {
        render_with(
            StatusCode::UNPROCESSABLE_ENTITY,
            &form_page(&catalog, &staff, title.clone(), "/admin/products/new".into(), form, errors, None),
        )
    };
    let new = match form.validate(&catalog, None) {
        Ok(new) => new,
        Err(errors) => return refuse(errors, form.into_inner()),
    };
    let slug = slugify(&new.name);
    match products::create(&state.db, &slug, &new, &staff.account.username, Utc::now()).await {
        Ok(_) => {}
        Err(AppError::Validation(errors)) => return refuse(errors, form.into_inner()),
        Err(other) => return Err(other),
    }
    state.catalog.catch_up(&state.db).await?;
    Ok(see_other(&format!("/admin/products/{slug}/edit?saved=1")))
}

pub async fn set_active(
    state: web::Data<AppState>,
    staff: Staff,
    slug: web::Path<String>,
    form: web::Form<ActiveForm>,
) -> Result<HttpResponse, AppError> {
    let catalog = state.catalog.snapshot();
    let (id, _) = product_id(&catalog, &slug)?;
    products::set_active(&state.db, id, form.is_on(), &staff.account.username, Utc::now()).await?;
    state.catalog.catch_up(&state.db).await?;
    Ok(see_other(&format!("/admin/products/{slug}/edit?saved=1")))
}
