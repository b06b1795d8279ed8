//! The `parley` binary: parse the command line, run, turn the result into an exit code.

use std::process::ExitCode;

fn main() -> ExitCode {
    match parley::cli::run(std::env::args_os()) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}
