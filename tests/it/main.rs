//! Integration tests: the real binary, over real HTTP, against the project's fake Timeular API.

mod support;

mod api_commands;
mod auth;
mod docs;
mod faults;
mod feed;
mod listen;
mod props;
