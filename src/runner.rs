//! Running a script: compile it, run its main tasklet to the end in slices
//! of a budget, and report its exit status the way CPython does.

use std::cell::RefCell;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use brine_compiler::Compiler;
use brine_sched::{HostTurn, SchedOutcome, Scheduler};
use brine_vm::{ExcKind, Obj, Value, Vm};

use crate::error::Error;

/// A `Write` whose bytes can be read back: captures a program's output.
#[derive(Clone, Default)]
pub struct SharedOutput(Rc<RefCell<Vec<u8>>>);

impl SharedOutput {
    /// Everything written so far, as text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.borrow()).into_owned()
    }
}

impl Write for SharedOutput {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// How a program ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgramEnd {
    /// The process exit status CPython would give.
    pub exit_code: i32,
    /// What CPython would print on stderr (a traceback, a `SyntaxError`).
    pub stderr: String,
}

/// A script loaded into a VM, ready to run as its main tasklet.
pub struct Program {
    /// The VM.
    pub vm: Vm,
    /// The scheduler running the main tasklet and the tasklets it makes.
    pub sched: Scheduler,
    compile_error: Option<String>,
}

impl Program {
    /// Compile `path` and prepare it to run as `__main__` with `sys.argv`
    /// set to the path followed by `args`; `print` writes to `stdout`, and
    /// `sys.stderr` to `stderr`.
    ///
    /// # Errors
    /// When the file cannot be read or the VM cannot start.
    pub fn load(
        path: &Path,
        args: &[String],
        stdout: Box<dyn Write>,
        stderr: Box<dyn Write>,
    ) -> Result<Program, Error> {
        let source = std::fs::read_to_string(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let (mut vm, mut sched) = fresh_vm(stdout, stderr)?;
        let filename = path.display().to_string();
        vm.argv = std::iter::once(filename.clone())
            .chain(args.iter().cloned())
            .collect();
        let dir = path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        vm.search_path = vec![if dir.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            dir
        }];
        match brine_compiler::compile_module(&source, &filename) {
            Ok(code) => {
                if let Ok(main) = vm.start_module(code, "__main__") {
                    sched.set_main(&mut vm, main);
                }
                Ok(Program {
                    vm,
                    sched,
                    compile_error: None,
                })
            }
            Err(e) => {
                let info: brine_vm::SyntaxErrorInfo = e.into();
                let exc = vm.syntax_error(&info);
                let text = vm.format_exception(exc);
                Ok(Program {
                    vm,
                    sched,
                    compile_error: Some(text),
                })
            }
        }
    }

    /// A program taken back from a checkpoint's scheduler and VM.
    pub(crate) fn resumed(vm: Vm, sched: Scheduler) -> Program {
        Program {
            vm,
            sched,
            compile_error: None,
        }
    }

    /// Run the main tasklet to its end, `slice` instructions at a time.
    pub fn run(&mut self, slice: u64) -> ProgramEnd {
        let slice = slice.max(1);
        loop {
            if let Some(end) = self.run_for(slice) {
                return end;
            }
        }
    }

    /// Run at most `budget` instructions (all tasklets together): how the
    /// program ended, or `None` when the budget was spent first (the
    /// program can then be checkpointed or run on).
    pub fn run_for(&mut self, budget: u64) -> Option<ProgramEnd> {
        if let Some(text) = self.compile_error.take() {
            return Some(ProgramEnd {
                exit_code: 1,
                stderr: text,
            });
        }
        let end = match self.sched.run(&mut self.vm, budget.max(1)) {
            SchedOutcome::BudgetSpent => return None,
            SchedOutcome::Raised(exc) | SchedOutcome::HostTurn(HostTurn::Raised(exc)) => {
                self.uncaught(exc)
            }
            SchedOutcome::Finished(_) | SchedOutcome::HostTurn(_) => ProgramEnd {
                exit_code: 0,
                stderr: String::new(),
            },
        };
        let _ = self.vm.stdout.flush();
        Some(end)
    }

    fn uncaught(&mut self, exc: Value) -> ProgramEnd {
        if self.vm.exc_is(exc, ExcKind::SystemExit) && !brine_sched::is_tasklet_exit(&self.vm, exc)
        {
            let args = self.vm.exc_data(exc).map(|d| d.args).unwrap_or(Value::None);
            let code = match args {
                Value::Obj(id) => match self.vm.heap.get(id) {
                    Obj::Tuple(t) => t.first().copied().unwrap_or(Value::None),
                    _ => Value::None,
                },
                _ => Value::None,
            };
            return match code {
                Value::None => ProgramEnd {
                    exit_code: 0,
                    stderr: String::new(),
                },
                Value::Int(i) => ProgramEnd {
                    exit_code: i as i32,
                    stderr: String::new(),
                },
                Value::Bool(b) => ProgramEnd {
                    exit_code: i32::from(b),
                    stderr: String::new(),
                },
                other => {
                    let text = self.vm.str_to_completion(other);
                    ProgramEnd {
                        exit_code: 1,
                        stderr: format!("{text}\n"),
                    }
                }
            };
        }
        let _ = self.vm.stdout.flush();
        let text = self.vm.format_exception(exc);
        ProgramEnd {
            exit_code: 1,
            stderr: text,
        }
    }
}

/// A VM with the scheduler and the pickler installed, printing to
/// `stdout` and `stderr`.
///
/// # Errors
/// When the VM or a layer cannot start.
pub(crate) fn fresh_vm(
    stdout: Box<dyn Write>,
    stderr: Box<dyn Write>,
) -> Result<(Vm, Scheduler), Error> {
    let mut vm = Vm::new(Some(Box::new(Compiler)))?;
    let sched = Scheduler::new(&mut vm)?;
    brine_pickle::install(&mut vm, brine_pickle::Registry::new())?;
    brine_asyncgen::install(&mut vm)?;
    vm.stdout = stdout;
    vm.stderr = stderr;
    Ok((vm, sched))
}

/// Run a script straight through, capturing its output: `(stdout, end)`.
///
/// # Errors
/// When the file cannot be read or the VM cannot start.
pub fn run_captured(
    path: &Path,
    args: &[String],
    slice: u64,
) -> Result<(String, ProgramEnd), Error> {
    let out = SharedOutput::default();
    let err = SharedOutput::default();
    let mut prog = Program::load(path, args, Box::new(out.clone()), Box::new(err.clone()))?;
    let mut end = prog.run(slice);
    end.stderr = err.text() + &end.stderr;
    Ok((out.text(), end))
}

/// Compile `source` and run it to its end as module `name` (registered in
/// `sys.modules`), outside any tasklet: how a host defines the functions
/// it then spawns as tasklets. Returns the module's namespace (a dict).
///
/// # Errors
/// When the source does not compile or its body raises.
pub fn exec_module(vm: &mut Vm, source: &str, name: &str) -> Result<brine_vm::ObjId, Error> {
    let code = brine_compiler::compile_module(source, name)
        .map_err(|e| Error::Module(format!("line {}: {}", e.line, e.message)))?;
    let mut body = vm
        .start_module(code, name)
        .map_err(|_| Error::Module("cannot make the module".into()))?;
    let globals = body.frames[0].globals;
    match vm.run(&mut body, u64::MAX) {
        brine_vm::RunOutcome::Finished(_) => {}
        brine_vm::RunOutcome::Raised(e) => return Err(Error::Module(vm.format_exception(e))),
        _ => return Err(Error::Module("the module body switched tasklets".into())),
    }
    Ok(globals)
}
