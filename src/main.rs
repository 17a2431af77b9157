use std::process::ExitCode;

fn main() -> ExitCode {
    timeular_hooks::main()
}
