//! Integration tests: the real binary, over real HTTP, against the project's fake Timeular API.

mod support;

mod api_commands;
mod auth;
mod docs;
mod feed;
mod listen;
