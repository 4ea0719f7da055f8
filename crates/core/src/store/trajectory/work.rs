//! Booking the weeks of a work period into the hours ledger, each week once.

use chrono::NaiveDate;
use serde_json::{Map, Value};
use uuid::Uuid;

use super::super::clients::timestamp;
use super::super::{Result, Store, StoreError};
use crate::domain::hours::{HourEntry, HourEntryInput, HourSource};
use crate::domain::trajectory::{TrajectoryRecord, WorkPeriod};

impl Store {
    /// Books the weeks of work that are over by `until` (at most today) and not booked yet:
    /// one ledger entry per week, dated its first day. Returns the new entries.
    pub fn book_work_hours(
        &mut self,
        work_id: &Uuid,
        until: NaiveDate,
        today: NaiveDate,
    ) -> Result<Vec<HourEntry>> {
        let work = self
            .record::<WorkPeriod>(work_id)?
            .ok_or_else(|| StoreError::NotFound(format!("werkperiode {work_id}")))?;
        let booked_until = self.booked_until(work_id)?;
        let weeks = work.record.weeks_to_book(booked_until, until.min(today));
        let Some(last) = weeks.last().map(|w| w.end) else {
            return Ok(Vec::new());
        };
        let mut w = self.begin_write()?;
        let mut entries = Vec::new();
        for week in &weeks {
            entries.push(super::super::hours::insert_entry(
                &mut w,
                &work.client_id,
                HourEntryInput {
                    date: week.start,
                    quarters: week.quarters,
                    category: work.record.hour_category(),
                    source: HourSource::Consultant,
                    provider: None,
                    note: Some(format!(
                        "{}, {} t/m {}",
                        work.record.employer,
                        week.start.format("%d-%m-%Y"),
                        week.end.format("%d-%m-%Y")
                    )),
                },
                None,
            )?);
        }
        let field = |d: Option<NaiveDate>| {
            Map::from_iter([(
                "booked_until".to_owned(),
                d.map_or(Value::Null, |d| Value::from(d.to_string())),
            )])
        };
        let also = [("updated_at", timestamp(w.now))];
        w.update_fields(
            WorkPeriod::TABLE,
            &work_id.to_string(),
            &work.client_id.to_string(),
            &field(booked_until),
            &field(Some(last)),
            &["booked_until"],
            &also,
        )?;
        w.commit()?;
        Ok(entries)
    }

    pub(super) fn booked_until(&self, work_id: &Uuid) -> Result<Option<NaiveDate>> {
        let text: Option<String> = self.conn.query_row(
            "SELECT booked_until FROM work_periods WHERE id = ?1",
            [work_id.to_string()],
            |r| r.get(0),
        )?;
        text.as_deref()
            .map(super::super::clients::parse_date)
            .transpose()
    }
}
