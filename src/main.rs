//! The `brine` command.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// The VM allocates and frees many small objects; mimalloc serves that
/// pattern much faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Run Python programs as tasklets on brine's stackless VM.
#[derive(Parser)]
#[command(name = "brine", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run a Python script.
    Run {
        /// The script.
        file: PathBuf,
        /// Arguments for the script (`sys.argv[1:]`).
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Run { file, args } => {
            let stdout = Box::new(std::io::BufWriter::new(std::io::stdout()));
            let stderr = Box::new(std::io::stderr());
            let mut prog = match brine::Program::load(&file, &args, stdout, stderr) {
                Ok(p) => p,
                Err(e) => {
                    eprintln!("brine: {e}");
                    return ExitCode::from(2);
                }
            };
            let end = prog.run(1 << 20);
            drop(prog);
            let _ = std::io::stdout().flush();
            eprint!("{}", end.stderr);
            ExitCode::from(end.exit_code.clamp(0, 255) as u8)
        }
    }
}
