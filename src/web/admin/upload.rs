//! Reading one file from a multipart upload, within a size limit.

use actix_multipart::Multipart;
use futures_util::StreamExt;

use crate::error::AppError;

/// The bytes of the part named `name`; `BodyTooLarge` past `limit` bytes, `Validation` when the
/// part is missing or empty.
pub async fn read_file(mut multipart: Multipart, name: &str, limit: usize) -> Result<Vec<u8>, AppError> {
    while let Some(part) = multipart.next().await {
        let mut part = part.map_err(|_| AppError::BodyTooLarge)?;
        if part.name() != Some(name) {
            continue;
        }
        let mut bytes = Vec::new();
        while let Some(chunk) = part.next().await {
            let chunk = chunk.map_err(|_| AppError::BodyTooLarge)?;
            if bytes.len() + chunk.len() > limit {
                return Err(AppError::BodyTooLarge);
            }
            bytes.extend_from_slice(&chunk);
        }
        if !bytes.is_empty() {
            return Ok(bytes);
        }
    }
    Err(AppError::Validation(vec![crate::domain::input::FieldError::new(name, crate::domain::input::FieldProblem::Required)]))
}
