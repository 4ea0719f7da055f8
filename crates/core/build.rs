// The schema is embedded from migrations/app at build time: rebuild when it changes.
fn main() {
    println!("cargo:rerun-if-changed=../../migrations/app");
}
