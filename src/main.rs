use clap::Parser;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let cli = auditpack::cli::Cli::parse();
    let code = auditpack::run::main(cli);
    std::process::exit(code);
}
