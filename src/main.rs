use clap::Parser;

fn main() {
    let cli = auditpack::cli::Cli::parse();
    let code = auditpack::run::main(cli);
    std::process::exit(code);
}
