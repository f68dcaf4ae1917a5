//! `#[derive(EventKinds)]`: each event variant says, in one `#[kind(...)]` line beside it, which
//! stream's list it belongs to, how the merge of desks' logs treats it and who may write it. The
//! lists, the merge rule and the base permissions are generated from those lines, so a new event
//! is declared in one place, and one that forgets its line fails to compile.
//!
//! The generated code names `crate::merge::MergeRule`, `crate::people::Permission` and
//! `$crate::Event`: it is made for `lotline_domain`'s `Event` and nothing else.
//!
//! ```text
//! #[kind(events = reshipment, rule = StateStep, may = [ShipReshipment])]
//! #[kind(rule = UniqueClaim, may = [LogFailure])]            // in no list: projected apart
//! #[kind(events = reshipment, rule = StateStep, may = by_policy)]  // approvers from a policy
//! ```

use std::collections::BTreeMap;

use proc_macro::TokenStream;
use proc_macro2::{Span, TokenStream as Tokens};
use quote::{format_ident, quote};
use syn::ext::IdentExt;
use syn::{Data, DeriveInput, Ident, Token, bracketed, parse::ParseStream, parse_macro_input, punctuated::Punctuated};

/// Who may write a kind: a list of permissions (any one suffices), or the approval policy's
/// roles, which the caller checks.
enum May {
    Any(Vec<Ident>),
    ByPolicy,
}

struct Kind {
    variant: Ident,
    events: Option<Ident>,
    rule: Ident,
    may: May,
}

#[proc_macro_derive(EventKinds, attributes(kind))]
pub fn derive_event_kinds(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    match expand(&input) {
        Ok(tokens) => tokens.into(),
        Err(error) => error.to_compile_error().into(),
    }
}

fn expand(input: &DeriveInput) -> syn::Result<Tokens> {
    let Data::Enum(data) = &input.data else {
        return Err(syn::Error::new_spanned(&input.ident, "EventKinds describes the variants of an enum"));
    };
    let kinds = data
        .variants
        .iter()
        .map(|variant| {
            let mut found = variant.attrs.iter().filter(|attr| attr.path().is_ident("kind"));
            let attr = found.next().ok_or_else(|| {
                syn::Error::new_spanned(
                    &variant.ident,
                    "every event says its list, merge rule and permissions: add #[kind(events = .., rule = .., may = [..])]",
                )
            })?;
            if let Some(second) = found.next() {
                return Err(syn::Error::new_spanned(second, "one #[kind(...)] per event"));
            }
            refuse_renames(variant)?;
            attr.parse_args_with(|stream: ParseStream| parse_kind(variant.ident.clone(), stream))
        })
        .collect::<syn::Result<Vec<_>>>()?;
    let name = &input.ident;
    let rules = kinds.iter().map(|kind| {
        let (variant, rule) = (&kind.variant, &kind.rule);
        quote! { Self::#variant { .. } => crate::merge::MergeRule::#rule }
    });
    let permissions = kinds.iter().map(|kind| {
        let variant = &kind.variant;
        match &kind.may {
            May::Any(list) => quote! { Self::#variant { .. } => Some(&[#(crate::people::Permission::#list),*]) },
            May::ByPolicy => quote! { Self::#variant { .. } => None },
        }
    });
    let tags = kinds.iter().map(|kind| {
        let (variant, tag) = (&kind.variant, snake_case(&kind.variant.to_string()));
        quote! { Self::#variant { .. } => #tag }
    });
    let lists = lists(name, &kinds);
    Ok(quote! {
        impl #name {
            /// The serialised `kind` tag, e.g. "failure_logged".
            pub fn kind(&self) -> &'static str {
                match self { #(#tags,)* }
            }

            /// How the merge of desks' logs treats this kind (see `merge`).
            pub fn merge_rule(&self) -> crate::merge::MergeRule {
                match self { #(#rules,)* }
            }

            /// The permissions (any one suffices) under which acts write this kind, before the
            /// exceptions `merge::permissions_for` makes; `None` when an approval policy names
            /// who may, which the caller checks.
            pub fn declared_permissions(&self) -> Option<&'static [crate::people::Permission]> {
                match self { #(#permissions,)* }
            }
        }
        #lists
    })
}

/// `kind()` is the variant's name in snake case, as the enum's `rename_all` makes its tag: a
/// variant renamed on its own would be stored under a tag `kind()` does not know.
fn refuse_renames(variant: &syn::Variant) -> syn::Result<()> {
    for attr in variant.attrs.iter().filter(|attr| attr.path().is_ident("serde")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename") || meta.path.is_ident("alias") {
                return Err(
                    meta.error("an event's tag is its variant's name in snake case: rename the variant instead")
                );
            }
            // Other serde settings of a variant (`skip`, …) are not ours to judge; read past their values.
            if meta.input.peek(Token![=]) {
                meta.value()?.parse::<syn::Lit>()?;
            } else if meta.input.peek(syn::token::Paren) {
                meta.parse_nested_meta(|_| Ok(()))?;
            }
            Ok(())
        })?;
    }
    Ok(())
}

fn parse_kind(variant: Ident, stream: ParseStream) -> syn::Result<Kind> {
    let (mut events, mut rule, mut may) = (None, None, None);
    let mut seen: Vec<String> = Vec::new();
    while !stream.is_empty() {
        let key = Ident::parse_any(stream)?;
        if seen.contains(&key.to_string()) {
            return Err(syn::Error::new_spanned(&key, format!("`{key}` is given twice")));
        }
        seen.push(key.to_string());
        stream.parse::<Token![=]>()?;
        match key.to_string().as_str() {
            // A list may be named by a keyword (`return`).
            "events" => events = Some(Ident::parse_any(stream)?),
            "rule" => rule = Some(stream.parse::<Ident>()?),
            "may" if stream.peek(syn::token::Bracket) => {
                let content;
                bracketed!(content in stream);
                let list = Punctuated::<Ident, Token![,]>::parse_terminated(&content)?;
                if list.is_empty() {
                    return Err(syn::Error::new_spanned(&key, "name at least one permission, or `may = by_policy`"));
                }
                may = Some(May::Any(list.into_iter().collect()));
            }
            "may" => {
                let policy: Ident = stream.parse()?;
                if policy != "by_policy" {
                    return Err(syn::Error::new_spanned(policy, "`may` is a list of permissions or `by_policy`"));
                }
                may = Some(May::ByPolicy);
            }
            _ => return Err(syn::Error::new_spanned(key, "expected `events`, `rule` or `may`")),
        }
        if !stream.is_empty() {
            stream.parse::<Token![,]>()?;
        }
    }
    let missing = |what: &str| syn::Error::new_spanned(&variant, format!("#[kind(...)] needs `{what} = ..`"));
    Ok(Kind { rule: rule.ok_or_else(|| missing("rule"))?, may: may.ok_or_else(|| missing("may"))?, events, variant })
}

/// The tag serde's `rename_all = "snake_case"` gives a variant: `RmaOpened` → `rma_opened`.
fn snake_case(variant: &str) -> String {
    let mut tag = String::with_capacity(variant.len() + 4);
    for (i, ch) in variant.char_indices() {
        if i > 0 && ch.is_uppercase() {
            tag.push('_');
        }
        tag.push(ch.to_ascii_lowercase());
    }
    tag
}

/// One exported pattern macro per list (`reshipment_events!()` matches every event of the
/// reshipments' list), for projectors and histories that must match without a wildcard.
fn lists(name: &Ident, kinds: &[Kind]) -> Tokens {
    let mut by_list: BTreeMap<String, Vec<&Ident>> = BTreeMap::new();
    for kind in kinds {
        if let Some(list) = &kind.events {
            by_list.entry(list.to_string()).or_default().push(&kind.variant);
        }
    }
    let dollar = quote! { $ };
    by_list
        .iter()
        .map(|(list, variants)| {
            let macro_name = format_ident!("{list}_events", span = Span::call_site());
            let doc = format!(
                "Every event of the `{list}` list (`#[kind(events = {list})]`), as one pattern for a \
                 match arm that names no wildcard."
            );
            quote! {
                #[doc = #doc]
                #[macro_export]
                macro_rules! #macro_name {
                    () => { #(#dollar crate::#name::#variants { .. })|* };
                }
            }
        })
        .collect()
}
