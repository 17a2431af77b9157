//! The JSON shapes of the Timeular webhooks API, as documented (see shared/timeular-api.md).

use serde::{Deserialize, Serialize};

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SignInRequest<'a> {
    pub api_key: &'a str,
    pub api_secret: &'a str,
}

#[derive(Debug, Deserialize)]
pub struct SignInResponse {
    pub token: String,
}

#[derive(Debug, Deserialize)]
pub struct EventsResponse {
    pub events: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct SubscribeRequest<'a> {
    pub event: &'a str,
    pub target_url: &'a str,
}

/// The API answers a string id; a number is accepted too, in case a version sends one.
#[derive(Debug, Deserialize)]
pub struct SubscribeResponse {
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Subscription {
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    pub event: String,
    pub target_url: String,
}

#[derive(Debug, Deserialize)]
pub struct SubscriptionsResponse {
    pub subscriptions: Vec<Subscription>,
}

fn string_or_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Id {
        S(String),
        N(u64),
    }
    Ok(match Id::deserialize(d)? {
        Id::S(s) => s,
        Id::N(n) => n.to_string(),
    })
}
