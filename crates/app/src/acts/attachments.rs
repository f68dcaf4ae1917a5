//! Photos and documents: files in the data folder named by their content hash.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use lotline_documents::MAX_IMAGE_PIXELS;
use lotline_domain::error::FieldError;
use lotline_domain::people::Permission;
use lotline_domain::{ApiError, Event};
use lotline_store::queries::master::{self, AttachmentView};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::context::Ctx;

/// A phone photo is a few MiB; anything far beyond that is a mistake, not evidence.
pub const MAX_ATTACHMENT_BYTES: usize = 15 * 1024 * 1024;

/// Types we accept, decided from the bytes themselves, never from the name the file came with.
const ALLOWED: &[&str] = &["image/jpeg", "image/png", "image/webp", "image/gif", "application/pdf"];

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct UploadAttachmentInput {
    pub file_name: String,
    #[serde(default)]
    pub content_type: String,
    pub data_base64: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct IdInput {
    pub id: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AttachmentData {
    pub id: String,
    pub file_name: String,
    pub content_type: String,
    pub data_base64: String,
}

/// The last path component only, so a name like "../../etc/passwd" cannot steer anything.
fn plain_file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("").trim();
    let cleaned: String = base.chars().filter(|c| !c.is_control()).take(120).collect();
    if cleaned.is_empty() || cleaned == "." || cleaned == ".." { "attachment".into() } else { cleaned }
}

fn too_large(size: usize) -> ApiError {
    ApiError::field(
        FieldError::new("data_base64", "error.attachment.too_large")
            .with("max_mib", MAX_ATTACHMENT_BYTES / 1024 / 1024)
            .with("size_mib", format!("{:.1}", size as f64 / 1024.0 / 1024.0)),
    )
}

/// An image's pixel count read from its header only: a few KiB of PNG may declare 100,000 ×
/// 100,000 pixels, which every later reader (the vendor report, the viewer) would try to inflate.
fn check_pixels(bytes: &[u8], file_name: &str) -> Result<(), ApiError> {
    let size = imagesize::blob_size(bytes).map_err(|_| {
        ApiError::field(FieldError::new("data_base64", "error.attachment.broken_image").with("file_name", file_name))
    })?;
    let pixels = (size.width as u64).saturating_mul(size.height as u64);
    if pixels > MAX_IMAGE_PIXELS {
        return Err(ApiError::field(
            FieldError::new("data_base64", "error.attachment.too_many_pixels")
                .with("file_name", file_name)
                .with("width", size.width)
                .with("height", size.height)
                .with("max_megapixels", MAX_IMAGE_PIXELS / 1_000_000),
        ));
    }
    Ok(())
}

pub async fn upload_attachment(ctx: &Ctx, input: UploadAttachmentInput) -> Result<AttachmentView, ApiError> {
    ctx.allowed(Permission::LogFailure).or_else(|_| ctx.allowed(Permission::ManageFailure))?;
    let mut v = lotline_domain::Violations::default();
    v.max_len("file_name", input.file_name.trim(), lotline_domain::limits::FILE_NAME);
    v.into_result()?;
    let text = input.data_base64.trim();
    // Refused by its length, before a decoded copy of a huge upload is made in memory.
    if text.len() > MAX_ATTACHMENT_BYTES.div_ceil(3) * 4 {
        return Err(too_large(text.len() / 4 * 3));
    }
    let bytes = STANDARD
        .decode(text)
        .map_err(|_| ApiError::field(FieldError::new("data_base64", "error.attachment.not_base64")))?;
    if bytes.is_empty() {
        return Err(ApiError::field(FieldError::new("data_base64", "error.attachment.empty")));
    }
    if bytes.len() > MAX_ATTACHMENT_BYTES {
        return Err(too_large(bytes.len()));
    }
    let content_type = infer::get(&bytes).map(|t| t.mime_type()).filter(|t| ALLOWED.contains(t)).ok_or_else(|| {
        ApiError::field(
            FieldError::new("data_base64", "error.attachment.type_not_allowed").with("file_name", &input.file_name),
        )
    })?;
    if content_type.starts_with("image/") {
        check_pixels(&bytes, &input.file_name)?;
    }
    // Durable before the event that names it commits.
    let id = ctx.store.write_blob(&bytes).map_err(ApiError::internal)?;
    let mut tx = ctx.begin().await?;
    if let Some(existing) = master::attachment(&mut tx, &id).await? {
        return Ok(existing);
    }
    let view = AttachmentView {
        id: id.clone(),
        file_name: plain_file_name(&input.file_name),
        content_type: content_type.to_owned(),
        size: bytes.len() as i64,
    };
    let event = Event::AttachmentStored {
        id,
        file_name: view.file_name.clone(),
        content_type: view.content_type.clone(),
        size: view.size,
    };
    ctx.commit(tx, vec![event]).await?;
    Ok(view)
}

pub async fn get_attachment(ctx: &Ctx, input: IdInput) -> Result<AttachmentData, ApiError> {
    ctx.allowed(Permission::ViewData)?;
    let id = input.id.trim();
    // Ids are hex digests; anything else never reaches the file system.
    if !lotline_store::is_blob_id(id) {
        return Err(ApiError::not_found("attachment", id));
    }
    let view =
        master::attachment(&mut *ctx.read().await?, id).await?.ok_or_else(|| ApiError::not_found("attachment", id))?;
    let bytes = match ctx.store.read_blob(id) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return Err(ApiError::not_found("attachment_file", id)),
        Err(err) => return Err(ApiError::internal(err)),
    };
    Ok(AttachmentData {
        id: view.id,
        file_name: view.file_name,
        content_type: view.content_type,
        data_base64: STANDARD.encode(bytes),
    })
}

#[cfg(test)]
mod tests {
    use super::plain_file_name;

    #[test]
    fn file_names_lose_their_paths() {
        assert_eq!(plain_file_name("../../etc/passwd"), "passwd");
        assert_eq!(plain_file_name("C:\\Users\\x\\photo.jpg"), "photo.jpg");
        assert_eq!(plain_file_name(".."), "attachment");
        assert_eq!(plain_file_name(""), "attachment");
    }
}
