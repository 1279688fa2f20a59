//! The fixed choices of the records (roles, approaches, kinds, statuses), each stored as its
//! snake_case name and shown with a label from the message catalogue
//! (`locales/<tag>/choices.ftl`, id `choice-<List>-<stored name>`).

use serde::{Deserialize, Serialize};
use specta::Type;

/// Defines a choice list: serde/specta in snake_case, `as_str`, `parse`, `label` and `ALL`.
macro_rules! choice {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            /// Every choice, in the order shown to people.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stored (and serialised) name.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The catalogue id of the choice's label.
            pub fn message_id(self) -> &'static str {
                match self { $($name::$variant => concat!("choice-", stringify!($name), "-", $text)),+ }
            }

            /// The label in English.
            pub fn label(self) -> &'static str {
                self.label_in(crate::words::Language::EnGb)
            }

            /// The label in `lang`.
            pub fn label_in(self, lang: crate::words::Language) -> &'static str {
                crate::words::text(lang, self.message_id())
            }

            /// Reads a stored name or a label in any language (case and spaces forgiven);
            /// `None` when unknown.
            pub fn parse(text: &str) -> Option<Self> {
                let wanted = crate::records::choices::normalise(text);
                Self::ALL.iter().copied().find(|c| {
                    crate::records::choices::normalise(c.as_str()) == wanted
                        || crate::words::Language::ALL.iter().any(|l| {
                            crate::records::choices::normalise(c.label_in(*l)) == wanted
                        })
                })
            }

            /// Reads a stored name, refusing unknown ones as damaged data.
            pub fn from_stored(text: &str) -> crate::error::CoreResult<Self> {
                Self::parse(text).ok_or_else(|| crate::error::CoreError::Damaged(format!(
                    "The vault holds an unknown {} value.", stringify!($name)
                )))
            }
        }

        /// The first choice; only for building records in code with `..Default::default()`.
        impl Default for $name {
            fn default() -> Self {
                Self::ALL[0]
            }
        }

        impl crate::records::columns::StoredChoice for $name {
            fn stored(self) -> &'static str {
                self.as_str()
            }
            fn read_stored(text: &str) -> crate::error::CoreResult<Self> {
                Self::from_stored(text)
            }
        }
    };
}

pub(crate) use choice;

/// Lower-case letters and digits only, so "Steering committee" matches "steering_committee".
pub(crate) fn normalise(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

choice!(
    /// Role of a person on a project or at a meeting.
    PersonRole {
        /// Patient partner.
        PatientPartner = "patient_partner",
        /// Carer.
        Carer = "carer",
        /// Expert by experience.
        ExpertByExperience = "expert_by_experience",
        /// Researcher.
        Researcher = "researcher",
        /// Clinician.
        Clinician = "clinician",
        /// Chair.
        Chair = "chair",
        /// Coordinator.
        Coordinator = "coordinator",
        /// Anyone else.
        Other = "other",
    }
);

choice!(
    /// Where a project sits on the involvement spectrum.
    Approach {
        /// Informing.
        Informing = "informing",
        /// Consultation.
        Consultation = "consultation",
        /// Engagement.
        Engagement = "engagement",
        /// Co-design.
        CoDesign = "co_design",
        /// Co-production.
        CoProduction = "co_production",
    }
);

choice!(
    /// Whether a project is under way.
    ProjectStatus {
        /// Not started yet.
        Planned = "planned",
        /// Under way.
        Active = "active",
        /// Paused.
        Paused = "paused",
        /// Finished.
        Finished = "finished",
    }
);

choice!(
    /// Kind of meeting or session.
    MeetingKind {
        /// Steering committee.
        SteeringCommittee = "steering_committee",
        /// Advisory group.
        AdvisoryGroup = "advisory_group",
        /// Co-design workshop.
        CoDesignWorkshop = "co_design_workshop",
        /// Focus group.
        FocusGroup = "focus_group",
        /// Reading panel.
        ReadingPanel = "reading_panel",
        /// Interview panel.
        InterviewPanel = "interview_panel",
        /// Training.
        Training = "training",
        /// Anything else.
        Other = "other",
    }
);

choice!(
    /// Stage of an Experience-Based Co-Design (EBCD) cycle.
    CoDesignStage {
        /// Setting up: the project team, permissions, who to invite.
        SetUp = "set_up",
        /// Gathering staff experiences.
        StaffExperiences = "staff_experiences",
        /// Gathering patient and carer experiences (earlier "gather experiences").
        #[serde(alias = "gather_experiences")]
        PatientExperiences = "patient_experiences",
        /// Showing the trigger film.
        TriggerFilm = "trigger_film",
        /// Staff, patients and carers together for the first time.
        JointEvent = "joint_event",
        /// Small groups working on the priorities (earlier "co-design" and "implement").
        #[serde(alias = "co_design", alias = "implement")]
        CoDesignGroups = "co_design_groups",
        /// Celebrating and looking back (earlier "review").
        #[serde(alias = "review")]
        CelebrationReview = "celebration_review",
    }
);

choice!(
    /// Whether the user takes part in a project or runs it.
    Involvement {
        /// The user takes part (a partner, a member).
        TakePart = "take_part",
        /// The user runs it (a lead): people, registers, consent and voices.
        Run = "run",
    }
);

choice!(
    /// Where a person stands in a session's register.
    AttendanceStatus {
        /// Invited; not marked yet.
        Invited = "invited",
        /// Came.
        Attended = "attended",
        /// Sent apologies.
        Apologies = "apologies",
        /// Did not come and sent no word.
        DidNotAttend = "did_not_attend",
        /// Came and left early.
        LeftEarly = "left_early",
        /// Joined online.
        JoinedOnline = "joined_online",
    }
);

impl AttendanceStatus {
    /// Whether the person was there (for any part of the session, in the room or online).
    pub fn was_there(self) -> bool {
        matches!(
            self,
            AttendanceStatus::Attended
                | AttendanceStatus::LeftEarly
                | AttendanceStatus::JoinedOnline
        )
    }
}

choice!(
    /// Something a person needs to take part.
    AccessNeed {
        /// Papers at least 7 days before.
        PapersEarly = "papers_early",
        /// Large print.
        LargePrint = "large_print",
        /// A British Sign Language interpreter.
        BslInterpreter = "bsl_interpreter",
        /// Step-free access.
        StepFree = "step_free",
        /// A carer comes too.
        CarerAttends = "carer_attends",
        /// A quiet room to step out to.
        QuietRoom = "quiet_room",
        /// Something else (said in the person's "other" field).
        Other = "other",
    }
);

choice!(
    /// How consent was given.
    ConsentHow {
        /// On a signed form.
        Written = "written",
        /// Said out loud, noted by the lead.
        Verbal = "verbal",
        /// Through an online form.
        OnlineForm = "online_form",
    }
);

choice!(
    /// What the person decided about a received file.
    Decision {
        /// Make the changes listed.
        Added = "added",
        /// Keep the file's content to read here, changing nothing else.
        Kept = "kept",
        /// Note that it was opened and change nothing.
        Ignored = "ignored",
    }
);

choice!(
    /// How someone's sharing code was checked against the one they read out.
    CheckedHow {
        /// Not checked yet.
        NotChecked = "not_checked",
        /// Read to each other face to face.
        InPerson = "in_person",
        /// Read to each other on the phone.
        Phone = "phone",
    }
);

choice!(
    /// What became of something people said.
    FeedbackStatus {
        /// Done.
        Did = "did",
        /// Will be done by a date.
        Will = "will",
        /// Cannot be done, for a reason given.
        Cannot = "cannot",
    }
);

choice!(
    /// How a participant felt at a touchpoint (emotional mapping).
    Emotion {
        /// Happy.
        Happy = "happy",
        /// Okay.
        Okay = "okay",
        /// Worried.
        Worried = "worried",
        /// Sad.
        Sad = "sad",
        /// Angry.
        Angry = "angry",
    }
);

choice!(
    /// State of an action.
    ActionStatus {
        /// Still to do.
        Open = "open",
        /// Done.
        Done = "done",
        /// No longer needed.
        Dropped = "dropped",
    }
);

choice!(
    /// What kind of work a contribution was.
    Activity {
        /// A meeting.
        Meeting = "meeting",
        /// Reading or reviewing documents.
        Reviewing = "reviewing",
        /// Preparation.
        Preparation = "preparation",
        /// Co-design.
        CoDesign = "co_design",
        /// Recruitment.
        Recruitment = "recruitment",
        /// Writing.
        Writing = "writing",
        /// Presenting.
        Presenting = "presenting",
        /// Training.
        Training = "training",
        /// Anything else.
        Other = "other",
    }
);

choice!(
    /// What was agreed about the fee for a contribution.
    FeeArrangement {
        /// A fee is due at the agreed rate.
        Fee = "fee",
        /// A reduced fee was agreed.
        Reduced = "reduced",
        /// The person declined the fee.
        Declined = "declined",
        /// The fee goes to a charity.
        Charity = "charity",
        /// Paid in vouchers.
        Voucher = "voucher",
        /// No fee for this work.
        Unpaid = "unpaid",
    }
);

impl FeeArrangement {
    /// Whether a payment under this arrangement carries a fee (paid to the person, as a voucher
    /// or to a charity); declined and no-fee lines are £0.
    pub fn carries_fee(self) -> bool {
        !matches!(self, FeeArrangement::Declined | FeeArrangement::Unpaid)
    }

    /// Whether this arrangement means money is claimed and paid to the person.
    pub fn is_payable(self) -> bool {
        matches!(
            self,
            FeeArrangement::Fee | FeeArrangement::Reduced | FeeArrangement::Voucher
        )
    }
}

choice!(
    /// Where a claim stands, worked out from the claim and payment dates.
    ClaimStatus {
        /// Nothing to claim.
        NotClaimable = "not_claimable",
        /// Not claimed yet.
        ToClaim = "to_claim",
        /// Claimed, waiting for payment.
        Claimed = "claimed",
        /// Paid.
        Paid = "paid",
    }
);

choice!(
    /// Kind of expense line.
    ExpenseKind {
        /// Mileage in the person's own vehicle.
        Mileage = "mileage",
        /// Train, bus or coach fares.
        Fares = "fares",
        /// Taxi.
        Taxi = "taxi",
        /// Parking.
        Parking = "parking",
        /// Food and drink.
        Subsistence = "subsistence",
        /// Care or childcare while taking part.
        Care = "care",
        /// A place to stay.
        Accommodation = "accommodation",
        /// Anything else.
        Other = "other",
    }
);

choice!(
    /// How a reflection is structured.
    Template {
        /// Gibbs' reflective cycle.
        Gibbs = "gibbs",
        /// Rolfe: what? so what? now what?
        Rolfe = "rolfe",
        /// Kolb's learning cycle.
        Kolb = "kolb",
        /// Free text.
        Free = "free",
    }
);

impl Template {
    /// The entries of this template, in order: (key, plain-English prompt).
    pub fn prompts(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Template::Gibbs => &[
                ("description", "What happened?"),
                ("feelings", "What were you thinking and feeling?"),
                ("evaluation", "What was good and bad about it?"),
                ("analysis", "What sense can you make of it?"),
                ("conclusion", "What else could you have done?"),
                ("action_plan", "If it happened again, what would you do?"),
            ],
            Template::Rolfe => &[
                ("what", "What happened?"),
                ("so_what", "So what? Why does it matter?"),
                ("now_what", "Now what? What will you do next?"),
            ],
            Template::Kolb => &[
                ("experience", "What did you experience?"),
                ("reflection", "Looking back, what do you notice?"),
                ("learning", "What have you learned?"),
                ("trying_out", "What will you try next time?"),
            ],
            Template::Free => &[("text", "Write whatever you want to remember.")],
        }
    }
}

choice!(
    /// The vehicle a mileage rate is for.
    Vehicle {
        /// Car or van.
        Car = "car",
        /// Motorcycle.
        Motorcycle = "motorcycle",
        /// Bicycle.
        Bicycle = "bicycle",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_labels_both_parse() {
        assert_eq!(
            MeetingKind::parse("Steering committee"),
            Some(MeetingKind::SteeringCommittee)
        );
        assert_eq!(
            MeetingKind::parse("steering_committee"),
            Some(MeetingKind::SteeringCommittee)
        );
        assert_eq!(
            Activity::parse("reading or reviewing"),
            Some(Activity::Reviewing)
        );
        assert_eq!(Activity::parse("juggling"), None);
        for a in Approach::ALL {
            let json = serde_json::to_string(a).unwrap();
            assert_eq!(json, format!("\"{}\"", a.as_str()));
        }
    }

    #[test]
    fn unknown_serialised_values_are_refused() {
        assert!(serde_json::from_str::<ExpenseKind>("\"helicopter\"").is_err());
    }
}

/// One choice with its label, as sent to the window.
#[derive(Debug, Clone, Serialize, Type)]
pub struct Choice<T> {
    /// The value sent back to commands.
    pub value: T,
    /// What people see.
    pub label: String,
}

/// A fee arrangement with whether its fee is paid to the person.
#[derive(Debug, Clone, Serialize, Type)]
pub struct FeeChoice {
    /// The arrangement.
    pub value: FeeArrangement,
    /// What people see.
    pub label: String,
    /// Whether the fee counts towards a claim ([`FeeArrangement::is_payable`]).
    pub payable: bool,
}

/// One prompt of a reflection template.
#[derive(Debug, Clone, Serialize, Type)]
pub struct Prompt {
    /// The entry's key.
    pub key: String,
    /// The question in plain English.
    pub prompt: String,
}

/// A reflection template with its prompts.
#[derive(Debug, Clone, Serialize, Type)]
pub struct TemplateInfo {
    /// The template.
    pub value: Template,
    /// Its name.
    pub label: String,
    /// Its prompts, in order.
    pub prompts: Vec<Prompt>,
}

/// Every fixed choice, with labels, so the window never keeps its own copy.
#[derive(Debug, Clone, Serialize, Type)]
pub struct Choices {
    /// Kinds of record, as search results name them.
    pub record_kinds: Vec<Choice<super::RecordKind>>,
    /// Roles of people.
    pub person_roles: Vec<Choice<PersonRole>>,
    /// Involvement approaches, from informing to co-production.
    pub approaches: Vec<Choice<Approach>>,
    /// Project statuses.
    pub project_statuses: Vec<Choice<ProjectStatus>>,
    /// Meeting kinds.
    pub meeting_kinds: Vec<Choice<MeetingKind>>,
    /// Co-design (EBCD) stages.
    pub co_design_stages: Vec<Choice<CoDesignStage>>,
    /// "I take part" or "I run this".
    pub involvements: Vec<Choice<Involvement>>,
    /// Places in an attendance register.
    pub attendance_statuses: Vec<Choice<AttendanceStatus>>,
    /// Access needs.
    pub access_needs: Vec<Choice<AccessNeed>>,
    /// How consent was given.
    pub consent_hows: Vec<Choice<ConsentHow>>,
    /// What became of what people said.
    pub feedback_statuses: Vec<Choice<FeedbackStatus>>,
    /// Emotions for emotional mapping.
    pub emotions: Vec<Choice<Emotion>>,
    /// Action statuses.
    pub action_statuses: Vec<Choice<ActionStatus>>,
    /// Contribution activities.
    pub activities: Vec<Choice<Activity>>,
    /// Fee arrangements, each saying whether its fee is paid.
    pub fee_arrangements: Vec<FeeChoice>,
    /// Claim statuses.
    pub claim_statuses: Vec<Choice<ClaimStatus>>,
    /// Expense kinds.
    pub expense_kinds: Vec<Choice<ExpenseKind>>,
    /// Vehicles for mileage rates.
    pub vehicles: Vec<Choice<Vehicle>>,
    /// Reflection templates with their prompts.
    pub templates: Vec<TemplateInfo>,
    /// How soon the vault locks itself when unused, in minutes; `null` is never.
    pub auto_lock: Vec<Choice<Option<u32>>>,
    /// The fields a spreadsheet's column can fill when importing contributions.
    pub csv_fields: Vec<Choice<crate::records::transfer::csv_import::CsvField>>,
}

macro_rules! choices_of {
    ($ty:ty, $lang:expr) => {
        <$ty>::ALL
            .iter()
            .map(|c| Choice {
                value: *c,
                label: c.label_in($lang).to_owned(),
            })
            .collect()
    };
}

impl Choices {
    /// Every fixed choice and its label.
    pub fn all() -> Choices {
        Self::in_language(crate::words::Language::EnGb)
    }

    /// Every choice with its label in `lang`.
    pub fn in_language(lang: crate::words::Language) -> Choices {
        Choices {
            record_kinds: super::RecordKind::ALL
                .iter()
                .map(|k| Choice {
                    value: *k,
                    label: k.label().to_owned(),
                })
                .collect(),
            person_roles: choices_of!(PersonRole, lang),
            approaches: choices_of!(Approach, lang),
            project_statuses: choices_of!(ProjectStatus, lang),
            meeting_kinds: choices_of!(MeetingKind, lang),
            co_design_stages: choices_of!(CoDesignStage, lang),
            involvements: choices_of!(Involvement, lang),
            attendance_statuses: choices_of!(AttendanceStatus, lang),
            access_needs: choices_of!(AccessNeed, lang),
            consent_hows: choices_of!(ConsentHow, lang),
            feedback_statuses: choices_of!(FeedbackStatus, lang),
            emotions: choices_of!(Emotion, lang),
            action_statuses: choices_of!(ActionStatus, lang),
            activities: choices_of!(Activity, lang),
            fee_arrangements: FeeArrangement::ALL
                .iter()
                .map(|f| FeeChoice {
                    value: *f,
                    label: f.label_in(lang).to_owned(),
                    payable: f.is_payable(),
                })
                .collect(),
            claim_statuses: choices_of!(ClaimStatus, lang),
            expense_kinds: choices_of!(ExpenseKind, lang),
            vehicles: choices_of!(Vehicle, lang),
            templates: Template::ALL
                .iter()
                .map(|t| TemplateInfo {
                    value: *t,
                    label: t.label_in(lang).to_owned(),
                    prompts: t
                        .prompts()
                        .iter()
                        .map(|(key, prompt)| Prompt {
                            key: (*key).to_owned(),
                            prompt: (*prompt).to_owned(),
                        })
                        .collect(),
                })
                .collect(),
            auto_lock: crate::vault::settings::AUTO_LOCK_CHOICES
                .iter()
                .map(|m| Choice {
                    value: Some(*m),
                    label: after_minutes(*m),
                })
                .chain(std::iter::once(Choice {
                    value: None,
                    label: "Never".to_owned(),
                }))
                .collect(),
            csv_fields: choices_of!(crate::records::transfer::csv_import::CsvField, lang),
        }
    }
}

/// "After 1 minute", "After 15 minutes", "After 1 hour".
fn after_minutes(m: u32) -> String {
    match m {
        1 => "After 1 minute".to_owned(),
        60 => "After 1 hour".to_owned(),
        _ if m.is_multiple_of(60) => format!("After {} hours", m / 60),
        _ => format!("After {m} minutes"),
    }
}
