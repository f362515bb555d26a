//! The `brine` command.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use brine::checkpoint::Stopped;
use brine::{Program, ProgramEnd};

/// The VM allocates and frees many small objects; mimalloc serves that
/// pattern much faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Instructions run between two looks at whether the program is done.
const SLICE: u64 = 1 << 20;

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
        #[command(flatten)]
        checkpoint: Checkpoint,
        /// Arguments for the script (`sys.argv[1:]`).
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Continue a program from a checkpoint `run --save` wrote.
    Resume {
        /// The checkpoint.
        state: PathBuf,
        #[command(flatten)]
        checkpoint: Checkpoint,
    },
    /// Print each tasklet of a checkpoint with its frames and locals.
    Inspect {
        /// The checkpoint.
        state: PathBuf,
    },
}

/// Stopping a program after a number of instructions and saving it.
#[derive(Args)]
struct Checkpoint {
    /// Stop after this many instructions (all tasklets together).
    #[arg(long, value_name = "N", requires = "save")]
    stop_after: Option<u64>,
    /// Where to write the whole program when it stops.
    #[arg(long, value_name = "STATE", requires = "stop_after")]
    save: Option<PathBuf>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Run {
            file,
            checkpoint,
            args,
        } => {
            let (out, err) = outputs();
            match Program::load(&file, &args, out, err) {
                Ok(prog) => drive(prog, &checkpoint),
                Err(e) => fail(&e),
            }
        }
        Command::Resume { state, checkpoint } => {
            let bytes = match read(&state) {
                Ok(b) => b,
                Err(code) => return code,
            };
            let (out, err) = outputs();
            match Program::resume(&bytes, out, err) {
                Ok(prog) => drive(prog, &checkpoint),
                Err(e) => fail(&e),
            }
        }
        Command::Inspect { state } => {
            let bytes = match read(&state) {
                Ok(b) => b,
                Err(code) => return code,
            };
            match brine::inspect::inspect(&bytes) {
                Ok(report) => {
                    print!("{report}");
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&e),
            }
        }
    }
}

fn outputs() -> (Box<dyn Write>, Box<dyn Write>) {
    (
        Box::new(std::io::BufWriter::new(std::io::stdout())),
        Box::new(std::io::stderr()),
    )
}

fn read(path: &Path) -> Result<Vec<u8>, ExitCode> {
    std::fs::read(path).map_err(|e| {
        eprintln!("brine: can't open file '{}': {e}", path.display());
        ExitCode::from(2)
    })
}

fn fail(e: &brine::Error) -> ExitCode {
    eprintln!("brine: {e}");
    ExitCode::from(2)
}

/// Run the program to its end, or until the checkpoint's instruction
/// count, then save it.
fn drive(mut prog: Program, checkpoint: &Checkpoint) -> ExitCode {
    let (Some(n), Some(path)) = (checkpoint.stop_after, &checkpoint.save) else {
        return finish(prog, SLICE);
    };
    let saved = match prog.run_and_checkpoint(n) {
        Ok(Stopped::Ended(end)) => {
            let code = report(prog, end);
            eprintln!(
                "brine: the program ended before {n} instructions ran; no state was saved to {}",
                path.display()
            );
            return code;
        }
        Ok(Stopped::Saved(bytes)) => brine::checkpoint::write_atomic(path, &bytes),
        Err(e) => Err(e),
    };
    drop(prog);
    let _ = std::io::stdout().flush();
    match saved {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&e),
    }
}

fn finish(mut prog: Program, slice: u64) -> ExitCode {
    let end = prog.run(slice);
    report(prog, end)
}

fn report(prog: Program, end: ProgramEnd) -> ExitCode {
    drop(prog);
    let _ = std::io::stdout().flush();
    eprint!("{}", end.stderr);
    ExitCode::from(end.exit_code.clamp(0, 255) as u8)
}
