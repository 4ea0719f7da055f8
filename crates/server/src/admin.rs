//! The beheerder's subcommands: users, teams and devices, on the database directly.

use std::io::BufRead;

use anyhow::{Context, Result};
use clap::{Subcommand, ValueEnum};
use traject_core::sync::wire::ServerRole;
use uuid::Uuid;

use crate::auth::hash_password;
use crate::db::{role_code, Db};

#[derive(Clone, Copy, ValueEnum)]
pub enum Role {
    Consultant,
    Teamleider,
    Beheerder,
}

impl From<Role> for ServerRole {
    fn from(role: Role) -> Self {
        match role {
            Role::Consultant => Self::Consultant,
            Role::Teamleider => Self::Teamleider,
            Role::Beheerder => Self::Beheerder,
        }
    }
}

#[derive(Subcommand)]
pub enum UserCommand {
    /// Add a user. The password is read from TRAJECT_PASSWORD or the first line of stdin.
    Add {
        name: String,
        #[arg(long, value_enum, default_value = "consultant")]
        role: Role,
        #[arg(long)]
        team: Option<String>,
    },
    List {
        #[arg(long)]
        json: bool,
    },
    /// Disable a user: their devices get 401 until enabled again.
    Disable {
        name: String,
    },
    Enable {
        name: String,
    },
    /// Move a user to a team (`--none` for no team).
    SetTeam {
        name: String,
        #[arg(required_unless_present = "none")]
        team: Option<String>,
        #[arg(long)]
        none: bool,
    },
    SetRole {
        name: String,
        #[arg(value_enum)]
        role: Role,
    },
}

#[derive(Subcommand)]
pub enum TeamCommand {
    Add {
        name: String,
    },
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum ConflictCommand {
    /// The open conflicts: both values of a field that two devices changed apart.
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum DeviceCommand {
    List {
        #[arg(long)]
        json: bool,
    },
    /// Revoke a device (a lost laptop): it gets 401 and wipes its data on its next contact.
    Revoke { id: Uuid },
}

fn read_password() -> Result<String> {
    if let Ok(password) = std::env::var("TRAJECT_PASSWORD") {
        return Ok(password);
    }
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .context("wachtwoord lezen van stdin")?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}

pub fn user(db: &Db, command: UserCommand) -> Result<()> {
    match command {
        UserCommand::Add { name, role, team } => {
            let hash = hash_password(&read_password()?)?;
            db.add_user(&name, &hash, role.into(), team.as_deref())?;
            println!("gebruiker {name} toegevoegd");
        }
        UserCommand::List { json } => {
            let users = db.users()?;
            if json {
                println!("{}", serde_json::to_string_pretty(&users)?);
            } else {
                for u in users {
                    println!(
                        "{:<24} {:<11} {:<20} {}",
                        u.name,
                        role_code(u.role),
                        u.team.as_deref().unwrap_or("(geen team)"),
                        if u.disabled {
                            "uitgeschakeld"
                        } else {
                            "actief"
                        }
                    );
                }
            }
        }
        UserCommand::Disable { name } => {
            db.set_disabled(&name, true)?;
            println!("gebruiker {name} uitgeschakeld");
        }
        UserCommand::Enable { name } => {
            db.set_disabled(&name, false)?;
            println!("gebruiker {name} ingeschakeld");
        }
        UserCommand::SetTeam { name, team, none } => {
            let team = if none { None } else { team };
            db.set_team(&name, team.as_deref())?;
            println!(
                "gebruiker {name}: team {}",
                team.as_deref().unwrap_or("(geen)")
            );
        }
        UserCommand::SetRole { name, role } => {
            db.set_role(&name, role.into())?;
            println!("gebruiker {name}: rol {}", role_code(role.into()));
        }
    }
    Ok(())
}

pub fn team(db: &Db, command: TeamCommand) -> Result<()> {
    match command {
        TeamCommand::Add { name } => {
            db.add_team(&name)?;
            println!("team {name} toegevoegd");
        }
        TeamCommand::List { json } => {
            let teams = db.teams()?;
            if json {
                println!("{}", serde_json::to_string_pretty(&teams)?);
            } else {
                for t in teams {
                    println!("{:<24} {} gebruiker(s)", t.name, t.members);
                }
            }
        }
    }
    Ok(())
}

pub fn device(db: &Db, command: DeviceCommand) -> Result<()> {
    match command {
        DeviceCommand::List { json } => {
            let devices = db.devices()?;
            if json {
                println!("{}", serde_json::to_string_pretty(&devices)?);
            } else {
                for d in devices {
                    println!(
                        "{}  {:<20} {:<24} laatst {}  {}",
                        d.id,
                        d.user,
                        d.name,
                        d.last_seen.as_deref().unwrap_or("nooit"),
                        d.revoked_at
                            .map_or_else(|| "actief".to_owned(), |at| format!("ingetrokken {at}"))
                    );
                }
            }
        }
        DeviceCommand::Revoke { id } => {
            db.revoke_device(id)?;
            println!("apparaat {id} ingetrokken: het wist zijn gegevens bij het volgende contact");
        }
    }
    Ok(())
}

pub fn conflict(db: &Db, command: ConflictCommand) -> Result<()> {
    let ConflictCommand::List { json } = command;
    let conflicts = db.conflicts()?;
    if json {
        println!("{}", serde_json::to_string_pretty(&conflicts)?);
    } else {
        for row in &conflicts {
            let c = &row.conflict;
            println!(
                "#{} {} {}.{} ({}): staat {} ({}), verloren {} ({})",
                c.id,
                row.team,
                c.entity,
                c.field,
                c.row_id,
                c.kept_value,
                c.kept_by,
                c.lost_value,
                c.lost_by
            );
        }
        println!("{} open conflict(en)", conflicts.len());
    }
    Ok(())
}

pub fn compact(db: &Db, keep_days: u32) -> Result<()> {
    let done = db.compact(chrono::Duration::days(i64::from(keep_days)))?;
    println!(
        "{} vervangen veldwijzigingen en {} wijzigingen van overgedragen dossiers verwijderd; laptops van vóór wijziging {} halen alles opnieuw op",
        done.superseded, done.moved_away, done.watermark
    );
    Ok(())
}
