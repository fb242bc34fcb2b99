//! ocop-locator: find Hanoi's OCOP showrooms and the certified products they stock.
#![forbid(unsafe_code)]

pub mod atlas;
pub mod catalog;
pub mod config;
pub mod db;
pub mod demo;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod startup;
pub mod telemetry;
pub mod transfer;
pub mod web;
