//! The ways to renew, as they apply to this plan: which channels serve the
//! disease, their review times, contacts for the person's scheme, and the
//! dates each one gives ([`super::deadline`]).

use chrono::{Months, NaiveDate};

use super::deadline::{ChannelDates, channel_dates, review_span};
use super::{Answers, PlanChannel, PlanChannelExtension, PlanReview};
use crate::calendar::Calendar;
use crate::policy::{Channel, Disease, Region};

/// What the channels are counted against.
pub(crate) struct ChannelContext<'a> {
    pub region: &'a Region,
    pub disease: &'a Disease,
    pub answers: &'a Answers,
    pub calendar: &'a Calendar,
    /// False when nothing is to be renewed: no channel gives dates then.
    pub has_window: bool,
    pub reference_day: NaiveDate,
    pub opens: NaiveDate,
    pub closes: NaiveDate,
    /// The end date in force.
    pub end: NaiveDate,
}

/// The plan's channels and how far their dates reach.
pub(crate) struct Channels {
    pub channels: Vec<PlanChannel>,
    /// Some date counted over a day no notice covers.
    pub any_estimated: bool,
    /// The last day any date was counted to (at least the end date).
    pub last_counted: NaiveDate,
}

/// Channels, with the dates each one gives. A plan is a renewal: a
/// channel only for first applications is no way to renew, so it is left
/// out rather than listed with dates nobody renewing can use.
pub(crate) fn channels(cx: &ChannelContext) -> Channels {
    let mut any_estimated = false;
    let mut last_counted = cx.closes;
    let channels = cx
        .region
        .channels
        .iter()
        .filter(|ch| !ch.first_application_only)
        .map(|ch| {
            let c = plan_channel(cx, ch);
            any_estimated |= c.result_estimated || c.apply_by_estimated;
            last_counted = last_counted.max(c.expected_result.unwrap_or(last_counted));
            c
        })
        .collect();
    Channels {
        channels,
        any_estimated,
        last_counted,
    }
}

/// The channel takes this disease: neither side rules the other out.
pub(crate) fn serves(ch: &Channel, disease: &Disease) -> bool {
    ch.only_diseases
        .as_ref()
        .is_none_or(|ids| ids.contains(&disease.id))
        && disease
            .channels
            .as_ref()
            .is_none_or(|ids| ids.contains(&ch.id))
}

/// Working days from applying on `ch` to the answer for `disease`; `None`
/// when unknown or when the channel gives this plan no dates.
fn review_days(ch: &Channel, disease: &Disease, gives_dates: bool) -> Option<u32> {
    if !gives_dates {
        None
    } else if ch.review.instant || ch.review.instant_for.contains(&disease.id) {
        Some(0)
    } else {
        ch.review.working_days
    }
    .and_then(|n| review_span(n, ch.review.notify_working_days))
}

/// The review the day to apply by must leave time for. An extension may be
/// refused and go to its fallback: the day leaves time for that review,
/// and there is none when the fallback's review time is unknown.
fn deadline_days(region: &Region, ch: &Channel, review_days: Option<u32>) -> Option<u32> {
    match &ch.extension {
        None => review_days,
        Some(x) => review_days.and(
            region
                .channels
                .iter()
                .find(|c| c.id == x.fallback)
                .and_then(|f| match f.review.instant {
                    true => Some(0),
                    false => f.review.working_days,
                })
                .and_then(|n| review_span(n, None)),
        ),
    }
}

fn plan_channel(cx: &ChannelContext, ch: &Channel) -> PlanChannel {
    let (region, disease) = (cx.region, cx.disease);
    let serves_disease = serves(ch, disease);
    let instant_for_disease = ch.review.instant_for.contains(&disease.id);
    // A channel that does not take this disease gives it no dates, nor
    // does any channel when there is nothing to renew.
    let review = review_days(ch, disease, serves_disease && cx.has_window);
    let ChannelDates {
        expected_result,
        result_estimated,
        apply_by,
        apply_by_estimated,
    } = channel_dates(
        cx.calendar,
        cx.reference_day,
        (cx.opens, cx.closes),
        review,
        deadline_days(region, ch, review),
    );
    PlanChannel {
        id: ch.id.clone(),
        kind: ch.kind,
        name: ch.name.clone(),
        name_en: ch.name_en.clone(),
        location: ch.location.clone(),
        hours: ch.hours.clone(),
        materials_form: ch.materials_form.clone(),
        review: PlanReview {
            text: ch.review.text.clone(),
            instant: ch.review.instant || instant_for_disease,
            working_days_min: ch.review.working_days_min,
            working_days: ch.review.working_days,
            notify_working_days: ch.review.notify_working_days,
            instant_for_disease,
            typical: ch.review.typical,
        },
        suits: ch.suits.clone(),
        pros: ch.pros.clone(),
        cons: ch.cons.clone(),
        steps: ch.steps.clone(),
        contacts: ch
            .contacts
            .iter()
            .filter(|c| c.scheme.is_none_or(|s| s == cx.answers.scheme))
            .cloned()
            .collect(),
        limitations: ch.limitations.clone(),
        serves_disease,
        expected_result,
        apply_by,
        result_estimated,
        apply_by_estimated,
        extension: extension(region, ch, cx.end),
        source: ch.source.clone(),
    }
}

/// An extension channel as it applies to an end date in force.
fn extension(region: &Region, ch: &Channel, end: NaiveDate) -> Option<PlanChannelExtension> {
    let x = ch.extension.as_ref()?;
    let fallback = region.channels.iter().find(|c| c.id == x.fallback);
    Some(PlanChannelExtension {
        months: x.months,
        new_end: end
            .checked_add_months(Months::new(x.months))
            .unwrap_or(NaiveDate::MAX),
        result: x.result.clone(),
        fallback: x.fallback.clone(),
        fallback_name: fallback.map(|c| c.name.clone()).unwrap_or_default(),
        fallback_name_en: fallback.and_then(|c| c.name_en.clone()),
        fallback_text: x.fallback_text.clone(),
        diseases: ch
            .only_diseases
            .iter()
            .flatten()
            .filter_map(|id| region.disease(id))
            .map(|d| d.name.clone())
            .collect(),
        source: x.source.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::PolicySet;

    fn region<'a>(set: &'a PolicySet, id: &str) -> &'a Region {
        set.regions.iter().find(|r| r.id == id).unwrap()
    }

    #[test]
    fn a_disease_routed_to_one_channel_is_served_only_there() {
        let set = crate::policy::fixture::policy();
        let r = region(&set, "fx-assumed");
        let psychosis = r.disease("psychosis").unwrap();
        let leukemia = r.disease("leukemia").unwrap();
        let served: Vec<&str> = r
            .channels
            .iter()
            .filter(|c| serves(c, psychosis))
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(served, ["hospital-proxy"]);
        assert!(r.channels.iter().filter(|c| serves(c, leukemia)).count() > 1);
    }

    #[test]
    fn review_days_are_zero_when_instant_and_none_without_dates() {
        let set = crate::policy::fixture::policy();
        let r = region(&set, "fx-typical");
        let disease = &r.diseases[0];
        for ch in &r.channels {
            assert_eq!(review_days(ch, disease, false), None, "{}", ch.id);
        }
        let typical = r
            .channels
            .iter()
            .find(|c| c.review.working_days == Some(5))
            .unwrap();
        assert_eq!(
            review_days(typical, disease, true),
            Some(8),
            "5 + 3 to notify"
        );
    }

    #[test]
    fn an_extension_leaves_time_for_its_fallback() {
        let set = crate::policy::fixture::policy();
        let r = region(&set, "fx-w-dated");
        let ext = r.channels.iter().find(|c| c.extension.is_some()).unwrap();
        let fallback_id = &ext.extension.as_ref().unwrap().fallback;
        let fallback = r.channels.iter().find(|c| &c.id == fallback_id).unwrap();
        let expected = match fallback.review.instant {
            true => Some(0),
            false => fallback.review.working_days,
        };
        assert_eq!(deadline_days(r, ext, Some(0)), expected);
        assert_eq!(deadline_days(r, ext, None), None);
    }
}
