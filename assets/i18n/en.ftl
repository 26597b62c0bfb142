# Generated from JSON by scripts/i18n_json_to_ftl.py; edit this file now.

plan-title = Renewal plan · { $region } · { $benefit }
plan-answers = Disease: { $disease }  Insurance: { $scheme }  Valid until: { $end }  Today: { $today }
plan-cross_province_yes = Living or treated in another province: the steps for cross-province medical treatment have been added.
plan-section-window = When to apply
plan-section-warnings = Please note
plan-section-documents = Documents to prepare
plan-section-checklist = Checklist (documents and steps)
plan-section-channels = Channels compared
plan-section-cross_province = Treatment in another province
plan-section-examples = Reimbursement examples (the source calls them examples, not official rates)
plan-section-notes = More notes
plan-section-sources = Sources
plan-window = You can apply: { $opens } to { $closes } (in the { $months ->
        [one] { $months } month
       *[other] { $months } months
    } before the end date, both days included)
plan-window_assumed = Note: this renewal window is an estimate based on common practice; the source does not set it. Please check with your local medical insurance office first.
plan-status_label = Now:{" "}
plan-status-not_yet_open = Not open yet, you can apply in { $n ->
        [one] { $n } day
       *[other] { $n } days
    }
plan-status-open = Open, { $n ->
        [one] { $n } day
       *[other] { $n } days
    } left to apply
plan-status-open_apply_by = Open, { $apply ->
        [one] { $apply } day
       *[other] { $apply } days
    } left to the apply-by day ({ $n ->
        [one] { $n } day
       *[other] { $n } days
    } to the end of the window)
plan-status-last_day = Today is the last day. Please apply today
plan-status-expired = Expired { $n ->
        [one] { $n } day
       *[other] { $n } days
    } ago
plan-days_left = { $n ->
        [one] { $n } day
       *[other] { $n } days
    } left
plan-apply_by = Apply by { $date } at the latest (allowing up to { $n ->
        [one] { $n } working day
       *[other] { $n } working days
    } of review via { $channel }), so the result comes before the qualification ends
plan-apply_by_learned = Apply by { $date } at the latest (allowing up to { $n ->
        [one] { $n } working day
       *[other] { $n } working days
    } of review, as you were told), so the result comes before the qualification ends
plan-materials = Document dates: medical records and similar must be from the last { $months ->
        [one] { $months } month
       *[other] { $months } months
    }, i.e. { $date } or later (if you apply on { $ref })
plan-materials_about = Document dates: medical records and similar usually must be from the last { $months ->
        [one] { $months } month
       *[other] { $months } months
    } (the source says "usually"), i.e. about { $date } or later (if you apply on { $ref })
plan-continuity_label = Benefit during review:{" "}
plan-continuity_yes = If you apply before the qualification ends, you keep the benefit while the application is reviewed
plan-continuity_no = The benefit does not continue during review
plan-late_label = If you are late:{" "}
plan-cycle_label = Renewal cycle:{" "}
plan-cycle_years = { $years ->
        [one] { $years } year
       *[other] { $years } years
    }
plan-or = {" "}or{" "}
plan-why = Purpose:{" "}
plan-review_label = Review:{" "}
plan-dated_after = Must be dated { $date } or later
plan-phone = Tel.{" "}
plan-call-heading = To ask about anything unclear, call (the first number first):
plan-call-shared = { $code } also serves { $places }: choose { $place } in the voice menu
plan-call-no_code = no area code: this reaches the office where you are calling from; from elsewhere, dial the insured place's area code first
plan-call-list_sep = ,{" "}
plan-call-weak = {" "}(a weak source for this number: see Sources)
plan-questions-heading = Ask them (this program's data does not say):
question-renewal_needed = Does my disease need renewal (re-review) at all?
question-window = How long before the end date may I apply? What is the first day I can hand it in?
question-channel = Where is renewal for my disease handled?
question-review_time = How many working days does the review take? By which day must I apply to have the answer before the end date?
question-documents = Which documents do I bring for renewal, and how recent must they be?
question-validity = How long is the renewed qualification valid?
question-continuity = Are my benefits still paid while the review runs?
learned-said_from = what { $from } told you on { $on }
learned-said = what you were told on { $on }
learned-line = { $fact }: { $said }
learned-shipped = {" "}(this program's data says: { $fact }; what you were told is used)
learned-fact-review_days = the review takes { $n ->
        [one] { $n } working day
       *[other] { $n } working days
    }
learned-fact-window_months = one may apply from { $n ->
        [one] { $n } month
       *[other] { $n } months
    } before the end date
learned-fact-window_days = one may apply within { $n ->
        [one] { $n } day
       *[other] { $n } days
    } before the end date
learned-fact-no_renewal = this disease needs no renewal
plan-learned-heading = What you were told (this plan counts with it):
cli-learn-saved = Noted ({ $label }): { $fact }.
cli-learn-forgot = Taken back ({ $label }): --{ $flag } is no longer counted as told.
cli-learn-nothing_to_forget = This checklist has nothing noted for --{ $flag }; nothing was changed.
cli-learn-bad_number = --{ $flag } "{ $value }" is not valid: give a whole number from { $min } to { $max }. Nothing was saved.
cli-learn-one_flag = Give one thing you were told: --review-days N, --window-months M, --window-days D or --no-renewal (one at a time), or --forget FIELD. Nothing was saved.
cli-learn-bad_field = --forget takes review-days, window-months, window-days or no-renewal, not "{ $value }". Nothing was saved.
cli-learn-nothing_to_export = Checklist { $id } has nothing noted yet, so there is no pack to export. Note what you were told first: renew checklist learn { $id } …
cli-what-from = who told you (--from)
checklist-item-ask = Ask: { $question }
checklist-item-confirm_phone = Call the insurance office ({ $phone }) to confirm the renewal deadline and documents (this program's data may be incomplete or out of date)
checklist-item-confirm_no_renewal = You may call the insurance office to confirm that your qualification really needs no renewal (this program's data may be incomplete or out of date)
checklist-item-confirm_no_renewal_phone = You may call the insurance office ({ $phone }) to confirm that your qualification really needs no renewal (this program's data may be incomplete or out of date)
checklist-show-no_renewal = End date you gave: { $end } · { $status }
plan-estimated_mark = {" "}(est.)
plan-direct_settlement_yes = "{ $name }" is one of the 10 chronic/special-disease outpatient conditions that can be settled directly across provinces ({ $since }): where you are treated, designated medical institutions that offer this can settle the bill directly.
plan-example_limit = Annual limit { $v } yuan
plan-example_ratio = { $who }: { $v }% reimbursed
plan-example_header = | Disease | Annual limit (yuan) | Working | Retired |
plan-retired = Retired
plan-active = Working
plan-seed_file = Data file{" "}
plan-verified_on = On { $date } this program's data was compared with the sources above. That only means the data matches them, not that they are still current: rules may have changed since each source was published (see the dates).
channel-online = Online
channel-offline = In person
fact-unknown = Not stated in the source
review-instant = Done on the spot
review-instant_for_disease = Done at once for your disease
review-range = { $min }–{ $max } working days
review-days = { $n ->
        [one] { $n } working day
       *[other] { $n } working days
    }
review-notify = , plus { $n ->
        [one] { $n } working day
       *[other] { $n } working days
    } to notify you
review-unknown = Review time not stated in the source
cmp-where = Where
cmp-hours = Hours
cmp-materials_form = Document form
cmp-review = Review time
cmp-expected_result = Expected result
cmp-apply_by = Apply by
cmp-suits = Best for
cmp-pros = Pros
cmp-cons = Cons
cmp-serves = Your disease
cmp-serves-yes = Accepted
cmp-serves-no = Not handled here
cli-unknown = Cannot find "{ $input }" as a { $what }.
cli-ambiguous = "{ $input }" could mean more than one { $what }. Please be more specific:
cli-nearest = Closest matches:
cli-valid_choices = Choices for { $what }:
cli-what-region = region
cli-what-disease = disease
cli-what-scheme = insurance type
cli-bad_date = The date "{ $input }" is not valid ({ $which }): { $reason }
cli-which-end = --end
cli-which-today = --today
cli-list_hint = Use renew regions to see all regions, and renew diseases --region REGION to see its diseases.
cli-regions-heading = Regions (id  name  diseases  renewal window)
cli-diseases-heading = Diseases in { $region } (id  name)
cli-window_months = { $n ->
        [one] { $n } month
       *[other] { $n } months
    } before the end date
cli-window_unknown = Not stated in the source
prompt-welcome = Renewal helper for the chronic/special-disease outpatient benefit: answer { $n ->
        [one] { $n } question
       *[other] { $n } questions
    } (one more, whether you are retired, for employee insurance in some regions) to get the renewal window, documents and channels. Press Enter for the default, type < to go back, q to quit.
prompt-step = Step { $n } of { $m }
prompt-region = Where are you insured? (type a number, name or pinyin, e.g. haixi, 青岛)
prompt-scheme = Which medical insurance do you have?
prompt-retired = Are you retired? (this changes the reimbursement examples)
prompt-disease = Which disease is your qualification for? (type a number, name or pinyin initials, e.g. tnb)
prompt-end = When does your current qualification end? (year-month-day, e.g. { $iso } or { $cn })
prompt-cross = Do you live or see doctors in another province?
prompt-yes = Yes
prompt-no = No
prompt-default = {" "}(default { $v })
prompt-understood = Understood as: { $date } { $weekday }, { $rel }
prompt-rel-future = in { $n ->
        [one] { $n } day
       *[other] { $n } days
    }
prompt-rel-past = { $n ->
        [one] { $n } day
       *[other] { $n } days
    } ago
prompt-rel-today = today
prompt-not_a_choice = No such choice: please type a number from 1 to { $max }, or a name or pinyin.
prompt-ambiguous = Several choices match. Please type a number to pick one:
prompt-end_of_input = Input ended. Unfinished answers were not saved.
prompt-bye = Goodbye.
checklist-item-document_dated = { $name } (dated { $date } or later)
checklist-item-confirm = Call the insurance office to confirm the renewal deadline and documents (this program's data may be incomplete or out of date)
checklist-item-choose_channel = Choose a channel (online or in person; see the channel comparison)
checklist-item-apply_by = Submit the renewal application between { $opens } and { $closes }, ideally by { $by }
checklist-item-apply_name = Submit the renewal application
checklist-item-apply_passed = Submit the renewal application between { $opens } and { $closes }. The latest day to apply in time ({ $by }) has passed: if you apply now, the result may come after the qualification ends, so apply today, by the fastest channel
checklist-item-apply_closed = The application period ({ $opens } to { $closes }) is over: you can no longer renew on time. Call or go to the service window soon and ask whether you can still apply late or must be recognised again (as a first application)
checklist-item-apply_unknown = Submit the renewal application between { $opens } and { $closes }. No latest day to apply can be worked out (the source gives no review time): ask where you apply how long the review takes, and apply early
checklist-item-result = Receive the review result and check the new end date
checklist-item-cp_filing = Register for medical treatment in another province (cross-province filing)
checklist-item-cp_hospital = Where you are treated, choose a designated medical institution that offers direct settlement for the chronic/special-disease outpatient benefit
checklist-change-window = Renewal window changed: was { $b1 } to { $b2 }, now { $a1 } to { $a2 }
checklist-change-added = New: { $text }
checklist-change-removed = No longer needed: { $text }
checklist-change-removed_done = No longer needed (was ticked): { $text }
checklist-change-reworded = Document requirement changed: { $before } → { $after }
checklist-choice-intro = { $choice }: { $n ->
        [one] { $n } route
       *[other] { $n } routes
    }, one is enough. Prepare the documents of the route that fits you, not all of them
checklist-choice-route = route { $n } "{ $route }"
checklist-choice-route_who = route { $n } "{ $route }" ({ $who })
checklist-choice-route_count = { $label } · { $done }/{ $total } ready
checklist-choice-route_done = { $label } · complete
checklist-choice-complete = { $choice }: complete by { $label }; the other routes' documents are not needed
checklist-choice-open = { $choice }: no route is complete yet. Prepare one, whichever fits you, not all of them: { $routes }
checklist-choice-tag = [one of the routes · route { $n }: { $route }]
checklist-choice-sep = ;{" "}
checklist-progress = { $done }/{ $total ->
        [one] { $total } required item
       *[other] { $total } required items
    } done
checklist-progress_none = Nothing here is required: every item below is optional
checklist-group-documents = Documents
checklist-group-steps = Steps
checklist-group-tips = Tips (optional)
checklist-sheet-head = Renewal checklist "{ $label }" (id { $id }) · printed { $date }; every date is computed for that day
checklist-sheet-no_plan = Note: the current data cannot work out a plan for this checklist (its region or disease is no longer in the data). Below is the checklist as it was saved.
checklist-ics-name = Chronic/special-disease benefit renewal: { $label }
checklist-ics-opens = { $label }·{ $disease }: you can apply for renewal from today
checklist-ics-apply_by = { $label }·{ $disease }: suggested last day to apply for renewal
checklist-ics-end = { $label }·{ $disease }: qualification ends today
checklist-ics-about = { $region } { $disease }. Renewal window: { $opens } to { $closes }.
checklist-ics-assumed = {" "}(The window is an estimate; please confirm with the insurance office.)
checklist-ics-as_of = As of { $today }, the day this was exported: { $text }
checklist-ics-apply_by_passed = { $label }·{ $disease }: suggested last day to apply (passed by { $today }: apply as soon as you can)
checklist-ics-apply_by_closed = { $label }·{ $disease }: suggested last day to apply (the period had ended by { $today }: ask whether you can still apply late)
checklist-ics-alarm = In { $n ->
        [one] { $n } day
       *[other] { $n } days
    }: { $summary }
cli-label_has_number = Please do not put ID or phone numbers in the label: a name is enough, such as "Mom" or "Bed 3 Wang". The label is shown on the checklist and, when saved, stored on this computer.
cli-label_too_long = Please keep the label to plain text of 40 characters or fewer, such as "Mom".
cli-saved = Saved checklist "{ $label }", id { $id }: { $path }
cli-no_data_dir = Cannot find a folder to save checklists: please give one with --data-dir or the environment variable RENEW_DATA_DIR.
cli-store_open_failed = Cannot open the checklist folder { $dir }
checklist-not_found = Cannot find checklist "{ $q }": use renew checklist list to see saved checklists (you can use the id, its first few characters, or the label).
checklist-ambiguous = "{ $q }" matches more than one checklist. Please use the id:
checklist-item_not_found = This checklist has no item "{ $q }". Use an item number or id:
checklist-problem-corrupt = Checklist file { $file } cannot be read; it was moved unchanged to { $moved } (other checklists are not affected)
checklist-problem-set_aside = A file that could not be read before was moved aside: { $file } (you can look at it, then delete it)
checklist-problem-newer = Checklist file { $file } was saved by a newer version of this program and this version cannot read it; it was left as it is
checklist-no_plan_status = Using the window as saved
checklist-none = No saved checklists yet (folder { $dir }). Save one with renew plan … --save.
checklist-none_match = No saved checklist matches “{ $filter }” ({ $count } saved): try another spelling (a short name, pinyin initials), or leave out --filter to list them all.
checklist-show-head = Checklist "{ $label }" id { $id } · { $region } · { $disease }
checklist-show-window = Renewal window { $opens } to { $closes } · { $status }
checklist-show-changed = The data has been updated, and the checklist was adjusted to match (your ticks are kept):
checklist-show-hint = Tick: renew checklist tick { $id } NUMBER  Untick: renew checklist untick { $id } NUMBER
checklist-ticked = { $mark } { $n }. { $text } (saved; { $done }/{ $total } done)
checklist-delete_needs_yes = Deleting checklist { $id } cannot be undone: add --yes to confirm
checklist-deleted = Deleted checklist { $id }
tui-app_name = Chronic/special-disease renewal helper
tui-today = Today { $date } { $weekday }
tui-step = Step { $n } of { $m }
tui-yes = Yes
tui-no = No
tui-q-region = Where are you insured?
tui-e-region = Type your province or city: Chinese, pinyin or initials all work (e.g. 石家庄, sjz, 海西, hx). Regions with local data are listed first.
tui-q-scheme = Which medical insurance do you have?
tui-e-scheme = If you work for an employer or retired from one, it is usually employee insurance; if you pay for it yourself each year, it is resident insurance.
tui-q-retired = Are you retired?
tui-e-retired = In this region, working and retired people are reimbursed at different rates. This only changes the reimbursement examples shown.
tui-q-disease = Which disease is your qualification for?
tui-e-disease = Disease list of { $region }. Type to filter: Chinese, pinyin or initials (e.g. tnb finds 糖尿病, diabetes).
tui-q-end = When does your current qualification end?
tui-e-end = See the end date on your approval letter or in the medical insurance app.
tui-q-cross = Do you live or see doctors in another province?
tui-e-cross = "Yes" adds the steps to register for treatment in another province. If you are not sure, choose "No".
tui-filter = Filter:{" "}
tui-filter-hint = Type to filter, or choose by number
tui-filter-found = { $n } found: ↑↓ to choose, Enter to confirm
tui-filter-none = No match for "{ $text }": Backspace, or try another spelling
tui-date-label = End date:{" "}
tui-date-empty = e.g. { $iso } or { $cn }
tui-date-understood = { $date } { $weekday }, { $rel }
tui-date-formats = Write year-month-day: { $iso }, { $cn }, { $slash }, { $spaced } or { $compact } all work, full-width digits too. Month and day alone ({ $md }) mean this year, or next year if this year's day has passed. Press Enter to confirm.
tui-review-title = Check
tui-review-question = Please check your answers
tui-review-explain = Select a row and press Enter to change it; select the last row to make the plan. The checklist is saved automatically.
tui-review-region = Region
tui-review-scheme = Insurance
tui-review-retired = Retired
tui-review-disease = Disease
tui-review-end = End date
tui-review-cross = Elsewhere
tui-review-label = Label
tui-review-default = {" "}(default; you can use a name like "Mom")
tui-review-none = (not answered)
tui-review-change = {"["}Change]
tui-review-confirm = Confirm: make the renewal plan and save the checklist
tui-home-title = Your renewal checklists
tui-home-explain = The next thing to do first (apply-by days, then windows opening). Choose one to keep ticking, or start a new one.
tui-home-new = + New renewal plan
tui-home-ends = ends
tui-home-open = Open, { $n ->
        [one] { $n } day
       *[other] { $n } days
    } left
tui-home-open_apply_by = Apply in { $apply ->
        [one] { $apply } day
       *[other] { $apply } days
    } ({ $n } to end)
tui-home-not_yet = Opens in { $n ->
        [one] { $n } day
       *[other] { $n } days
    }
tui-home-expired = Expired { $n ->
        [one] { $n } day
       *[other] { $n } days
    } ago
tui-result-title = { $region } · { $scheme } · { $disease }
tui-result-list_keys = F2 rename, F3 change answers and F4 note work from the list: press Esc to go back to it, highlight this checklist, then press the key.
tui-tab-window = Dates
tui-tab-documents = Documents
tui-tab-channels = Channels
tui-tab-checklist = Checklist
tui-tab-sources = Sources
tui-window-range = Renewal window: { $opens } to { $closes } ({ $months ->
        [one] { $months } month
       *[other] { $months } months
    } before the end date, both days included)
tui-window-assumed = Note: this window is an estimate; the source does not set it. Please call to confirm first.
tui-window-apply_by = Apply by: { $date } { $weekday } (review takes up to { $n ->
        [one] { $n } working day
       *[other] { $n } working days
    })
tui-window-end = Qualification ends: { $date } { $weekday }
tui-cal-weekdays = {" "}Mo Tu We Th Fr Sa Su
tui-cal-legend = Calendar: > today  * apply by  ! end date  underline = can apply
tui-bar-not_yet = Opens in { $n ->
        [one] { $n } day
       *[other] { $n } days
    }
tui-bar-open = { $gone } of { $total ->
        [one] { $total } day
       *[other] { $total } days
    } gone
tui-bar-expired = The renewal window has closed
tui-checklist-head = { $done }/{ $total ->
        [one] { $total } required item
       *[other] { $total } required items
    } done · Space to tick, saved at once
tui-optional = (optional){" "}
tui-saving = Saving the checklist…
tui-saved = Checklist "{ $label }" saved: open the program again to keep ticking.
tui-saved_kiosk = Checklist "{ $label }" saved on this shared device, but it will not be listed here again (nor shown to the next visitor): print it or scan the QR code to take it with you.
tui-save_failed = Could not save: { $error }. You can still view the plan, but the checklist was not saved.
tui-no_store = Cannot find a folder to save checklists (give one with --data-dir)
tui-not_saved_yet = The checklist is not saved yet, please wait
tui-saved_no_plan = This checklist's region or disease is no longer in the current data: use renew checklist show to view it
tui-no_match = Nothing to choose: please change the filter text first
tui-pick_number = Press a number from 1 to { $max }, or use ↑↓ to choose
tui-too_small = Window too small: please make it at least { $w }×{ $h } (now { $cw }×{ $ch })
tui-help-title = Keys (press any key to close)
warn-window_assumed = The data for { $region } gives no renewal deadline: this estimate uses the common rule of { $months ->
        [one] { $months } month
       *[other] { $months } months
    } before the end date; it is not an official rule. { $note }
warn-ask_local = Please check with your local medical insurance office first.
warn-not_yet_open = You cannot apply yet: the renewal window opens on { $opens } (in { $n ->
        [one] { $n } day
       *[other] { $n } days
    }). You can prepare the documents now; mind the date rules for documents.
warn-window_closed = The qualification ended on { $closes }, { $n ->
        [one] { $n } day
       *[other] { $n } days
    } ago, and the renewal window has closed. { $source } Please call or go to one of the channels below soon, and ask how to apply again now.
warn-late_source_says = The source says (in Chinese): { $text }.
warn-late_source_silent = The source does not say what happens if you are late.
warn-keeps_during_review = If you apply before the qualification ends, you keep the benefit during review.
warn-review_continuity_unknown = The source does not say whether the benefit continues during review; please ask when you apply.
warn-result_after_end = With the longest review time ({ $n ->
        [one] { $n } working day
       *[other] { $n } working days
    }), if you apply now the result may come after { $closes }: please apply soon and choose the fastest channel. { $keeps }
warn-calendar_estimated = The official holiday schedule (State Council notice) from { $since } on is not in this program yet: later dates are estimated from weekends, the statutory public holidays and the breaks every past notice added around them (Spring Festival from its eve for 8 days, Labour Day 1–5 May, National Day 1–7 October, bridge days beside weekends), so dates marked "(est.)" err early, never late, and may move once the notice is out.
warn-no_direct_settlement = "{ $disease }" is not one of the 10 chronic/special-disease outpatient conditions that can be settled directly across provinces: when treated in another province you usually pay first, then claim it back by manual reimbursement (a claim with your receipts) from the insurance office where you are insured. Please check with the medical insurance office there.
warn-region_generic = This program has no specific data for your region yet: below is the general practice. Be sure to check the deadlines, documents and channels with your local medical insurance office.
warn-disease_unlisted = You chose "{ $disease }": please first check that your disease is on the disease list of { $region }. For documents, the insurance office's requirements are what count.
warn-end_far_ahead = The end date { $end } is more than 6 years away, but renewal cycles are usually 2 to 5 years: please check the date on your approval letter.
warn-sources_old = The newest source for { $region } was published on { $published }, more than { $months ->
        [one] { $months } month
       *[other] { $months } months
    } ago, and the policy may have changed: please call to confirm before you apply.
warn-verified_old = This data was last checked on { $date }, more than { $months ->
        [one] { $months } month
       *[other] { $months } months
    } ago.
date-formats = You can write YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYY M D, YYYYMMDD or YYYY年M月D日
date-err-empty = Please enter a date: { $formats }
date-err-format = Cannot read this date. { $formats }
date-err-year = The year { $y } is not between { $from } and { $to }; please check it. { $formats }
date-err-month = There is no month { $m }: months are 1 to 12
date-err-day = Month { $month } of { $year } has no day { $day }: this month only has days 1 to { $last }
weekday-1 = Mon
weekday-2 = Tue
weekday-3 = Wed
weekday-4 = Thu
weekday-5 = Fri
weekday-6 = Sat
weekday-7 = Sun
fmt-date_weekday = { $date } ({ $weekday })
tui-cal-month = { $name } { $year }
scheme-employee = Employee insurance
scheme-resident = Resident insurance
tui-kiosk-not_saved = Nothing is saved here. To take it with you: r shows a QR code, p prints.
tui-kiosk-reset = Cleared for the next person.
tui-kiosk-quit_again = Operator: press the quit key once more to exit.
tui-printed = Sent to the printer.
tui-print_failed = Printing failed: { $error }
tui-no_printer = No printer is set up on this machine (config file [print]).
tui-printing = Printing…
tui-countdown = Back to the start in { $n ->
        [one] { $n } second
       *[other] { $n } seconds
    } and everything entered is wiped. Still here? Press any key.
tui-qr-caption = Scan with your phone to take { $level } with you. Press any key to go back.
tui-qr-level0 = the dates, documents, channels and phones
tui-qr-level1 = the dates, documents and phones
tui-qr-level2 = the dates and a phone (a bigger window shows more)
tui-qr-too_small = The window is too small for the QR code: enlarge it, or press p to print.
qr-title = { $region } { $disease } renewal
qr-window = Apply: { $opens } to { $closes }
qr-assumed = (window estimated: call to confirm)
qr-apply_by = Apply by: { $date }
qr-apply_by_passed = Apply by: { $date } (passed: apply today)
qr-closed = Period ended { $closes }: ask the office soon about applying late
qr-apply_by_unknown = Apply by: unknown (no review time in the source; ask where you apply)
qr-doc_dated = { $name } (from { $date })
qr-documents = Documents:{" "}
qr-choice = one of: { $routes }
qr-or = {" "}or{" "}
qr-and = {" "}+{" "}
qr-sep = ;{" "}
prompt-checklist = Checklist (saved; tick with renew checklist):
prompt-not_saved = The checklist was not saved (public terminal).
fmt-colon = :{" "}
data-ok = ✓ { $id } { $name }: OK
data-problem = ✗ { $file }: { $field }: { $reason }
data-summary = { $ok } region file(s) usable, { $bad } problem(s).
data-rejected = Policy pack file not loaded: { $file }: { $field }: { $reason } (everything else still works)
tui-pack_problems = The policy pack has { $n } problem(s); those files were not loaded: see renew data check.
clap-about = Renew a chronic/special-disease outpatient benefit on time: window, documents, channels, checklist
clap-today = Use this date as today (e.g. 2026-01-15); for checking and testing
clap-lang = Language: zh-Hans, zh-Hant or en; default from LC_ALL / LANG
clap-kiosk = Walk-up kiosk: nothing saved unless chosen, idle reset, operator-only quit
clap-theme = Colours: default or high-contrast (NO_COLOR turns colour off)
clap-config = Config file (default: config.toml in the app's config dir)
clap-plain = Plain numbered questions instead of the full-screen wizard (also ACCESSIBLE=1)
clap-ascii = Draw boxes and markers in ASCII (for terminals that show box characters double-wide)
clap-policy_dir = A folder of region files that add to or replace the embedded data
clap-data_dir = Where checklists are kept (default: the app's data dir)
clap-plan-about = Print the renewal plan for one person
clap-plan-region = Region: id, name, pinyin or a unique part (e.g. haixi, 青岛)
clap-plan-scheme = Scheme: employee / 职工医保, resident / 城乡居民医保
clap-plan-disease = Disease: id, name, pinyin or initials (e.g. tnb for 糖尿病)
clap-plan-end = The day the current qualification ends (YYYY-MM-DD, YYYY年M月D日, …)
clap-plan-cross_province = Lives or is treated in another province
clap-plan-retired = Retired (only changes the example ratios some regions show)
clap-plan-format = Output format
clap-plan-save = Save the checklist for this plan
clap-plan-label = Whose checklist it is: a word or a name (e.g. Mum, 王秀英); no ID or phone numbers
clap-checklist-about = Saved checklists: list, show, tick, untick, delete, export
clap-checklist-list-about = Every saved checklist, most urgent first
clap-checklist-show-about = One checklist with its items (id, unique id prefix, or label)
clap-checklist-tick-about = Mark an item done (its number, id, or unique id prefix)
clap-checklist-untick-about = Mark an item not done
clap-checklist-delete-about = Delete a checklist (needs --yes)
clap-checklist-export-about = A printable sheet (markdown, text), the file (json), calendar events (ics) or what you were told as a region file for a pack (pack)
clap-data-about = Policy data packs: renew data check DIR reports every problem
clap-data-check-about = Check a folder of region files: every problem with file, field and reason
clap-regions-about = List the regions the program has data for (--all: every province and city)
clap-diseases-about = List a region's diseases
qr-estimated = {" "}(estimated)
tui-print_timeout = { $program } did not finish within { $seconds } s and was stopped
checklist-problem-why = {" "}(reason: { $reason })
checklist-problem-unreadable = Checklist file { $file } cannot be read ({ $reason }); it was left as it is (other checklists are not affected)
checklist-problem-id_mismatch = Checklist file { $file } says its id is "{ $inner }", which is not its file name; it is used as checklist { $id } (the file name counts)
checklist-problem-bad_name = File { $file } in the checklist folder is not named like a checklist (1–64 letters, digits, - _ spaces or brackets); it was skipped
checklist-problem-link = { $file } in the checklist folder is a symbolic link; links are not followed, so it was skipped
checklist-error-link = { $path } is a symbolic link; for safety the program does not follow links in its data folder. Replace it with a real file or folder.
checklist-problem-not_a_file = { $file } in the checklist folder is not a regular file (a pipe, a device or a folder); it was not opened and was skipped
checklist-error-lock = Cannot use the lock file { $path } ({ $reason }). Changing a checklist needs write access to the checklist folder and this file; reading does not.
checklist-error-save = Could not save checklist file { $path }: { $reason }
checklist-error-create_dir = Cannot create the checklist folder { $path } ({ $reason }); saving needs write access to the data folder.
cli-too_long = { $what }: too long ({ $n ->
        [one] { $n } character
       *[other] { $n } characters
    }); at most { $max }.
prompt-not_utf8 = That line could not be read (not UTF-8 text); please type it again.
prompt-too_long = That line is too long (over { $max } bytes) and was skipped; please type it again.
warn-calendar_holidays = {" "}Holidays counted in that time (the statutory days and their customary breaks): { $list }.
warn-list_sep = ,{" "}
holiday-day = { $name } { $date }
holiday-span = { $name } { $first } to { $last }
holiday-new_year = New Year's Day
holiday-spring_festival = Spring Festival
holiday-qingming = Qingming Festival
holiday-labour_day = Labour Day
holiday-dragon_boat = Dragon Boat Festival
holiday-mid_autumn = Mid-Autumn Festival
holiday-national_day = National Day
checklist-ics-estimated =
    {""}
    Dates marked "(est.)" are estimated from the statutory public holidays: that year's holiday schedule is not yet announced.
data-holidays_ok = ✓ holidays/{ $year }.json the { $year } holiday schedule ({ $source }, published { $published }): usable
tui-store_unreadable = Saved checklists cannot be read: { $error }
review-days_typical = usually { $n ->
        [one] { $n } working day
       *[other] { $n } working days
    }, longer when needed
plan-apply_by_typical = Apply by { $date } at the latest (allowing the usual { $n ->
        [one] { $n } working day
       *[other] { $n } working days
    } of review and notice via { $channel }). That is the source's usual time, not a limit: an expert review and the like take longer, so apply early
tui-window-apply_by_typical = Apply by: { $date } { $weekday } (review and notice usually { $n ->
        [one] { $n } working day
       *[other] { $n } working days
    }; expert review and the like take longer)
plan-examples_employee_only = These examples are split into working and retired, so they are for employee insurance; the source gives no limits or ratios for resident insurance. Ask the medical insurance office.
plan-active_employee = Employees in work
plan-retired_employee = Retired employees
plan-example_header_employee = | Disease | Annual limit (yuan) | Employees in work | Retired employees |
warn-result_after_end_typical = Counting the source's usual review time ({ $n ->
        [one] { $n } working day
       *[other] { $n } working days
    }; an expert review and the like take longer), if you apply now the result may come after { $closes }: apply as soon as you can, by the fastest channel. { $keeps }
source-high = official
source-low = weak: not checked against an official text
source-med = institutional notice or faithful reprint
source-seed = saved copy of a web page
source-third_party = summary on a third-party website, not an official notice
source-published = published { $date }
source-undated = date of publication unknown
source-sep = ,{" "}
warn-unofficial_source = { $region }'s application period and rules come from a summary on a third-party website, not an official notice: before you rely on them, confirm the application period by phone or at the service window.
plan-apply_by_closed = The application period closed on { $closes }: you can no longer renew on time. { $late } Call or go to the service window soon and ask whether you can still apply late or must be recognised again (as a first application); you can prepare the documents meanwhile.
plan-apply_by_passed = The latest day to apply in time ({ $date }) has passed: if you apply now, the result may come after the qualification ends ({ $closes }). { $keeps } Apply today, by the fastest channel.
plan-apply_by_unknown_only = No latest day to apply can be worked out: this disease can only be applied for via { $channel } (the other channels do not take it), and the source gives no review time for that route. Ask where you apply ({ $where }) or the insurance office where you are insured how long the review takes, and apply early to leave time for it.
plan-apply_by_unknown = No latest day to apply can be worked out: the source gives no review time for { $channels }. Ask the insurance office where you are insured how long the review takes, and apply early to leave time for it.
plan-passed_mark = {" "}(passed)
tui-number_pending = Item { $n } highlighted: press Enter, or type the next digit
prompt-chosen = Chosen: { $v }
clap-heading-usage = Usage:{" "}
clap-heading-commands = Commands
clap-heading-options = Options
clap-heading-arguments = Arguments
clap-help = Show this help
clap-version = Show the version
clap-note-values = {" "}(one of: { $values })
clap-note-default = {" "}(default: { $value })
clap-note-env = {" "}(or the environment variable { $var })
clap-error-unknown_argument = unknown argument { $arg }
clap-error-unknown_command = unknown command { $command }
clap-error-missing_value = { $arg } needs a value
clap-error-invalid_value = { $arg }: "{ $value }" is not valid; use one of: { $valid }
clap-error-missing_argument = a required argument is missing: { $arg }
clap-error-conflict = { $arg } cannot be used with { $other }
clap-error-missing_command = a command is missing
clap-error-not_utf8 = an argument is not valid text (UTF-8)
clap-error-bad_value = { $arg }: wrong number or form of values
clap-error-other = the command line is not valid
clap-error-did_you_mean = did you mean: { $suggested }
clap-error-try_help = See renew --help (or --help after a command for that command)
clap-heading-global = Options for every command
clap-usage-options = {"["}OPTIONS]
clap-usage-command_optional = {"["}COMMAND]
clap-usage-command = <COMMAND>
clap-value-date = DATE
clap-value-dir = DIR
clap-value-file = FILE
clap-value-lang = LANG
clap-value-theme = THEME
clap-value-region = REGION
clap-value-scheme = SCHEME
clap-value-disease = DISEASE
clap-value-format = FORMAT
clap-value-id = ID
clap-value-item = ITEM
clap-value-label = LABEL
clap-diseases-region = Region: id, name, pinyin or initials (e.g. haixi, 青岛)
clap-data-check-dir = The folder of region files to check
clap-checklist-export-id = The checklist: its id, a unique start of it, or its label (see renew checklist list)
clap-checklist-delete-id = The checklist: its id, a unique start of it, or its label (see renew checklist list)
clap-checklist-untick-id = The checklist: its id, a unique start of it, or its label (see renew checklist list)
clap-checklist-tick-id = The checklist: its id, a unique start of it, or its label (see renew checklist list)
clap-checklist-show-id = The checklist: its id, a unique start of it, or its label (see renew checklist list)
clap-checklist-untick-item = The item: its number, its id, or a unique start of it (see renew checklist show)
clap-checklist-tick-item = The item: its number, its id, or a unique start of it (see renew checklist show)
clap-checklist-delete-yes = Confirm the deletion (it cannot be undone)
cycle-history-submitted = submitted { $date }
cycle-history-approved = approved { $date }
cycle-history-refused = refused { $date }
cycle-history-new_end = valid until { $date }
cycle-history-line = { $year } renewal: { $steps }
cycle-history-sep = ,{" "}
cycle-history_label = Earlier renewals:
cycle-error-future = { $on } is after today ({ $today }): only what has happened can be recorded.
cycle-error-before_submitted = { $on } is before the day it was submitted ({ $submitted }).
cycle-error-new_end_not_later = The new end date { $new_end } is not after the current one ({ $current }): copy the date from the approval letter.
cycle-error-unknown_channel = No channel "{ $q }". The channels:
cycle-error-ambiguous_channel = "{ $q }" matches several channels; be more specific:
cycle-error-out_of_range = { $date } is outside the dates a checklist can hold (1900 to 2200).
cycle-channel_unknown = (channel not recorded)
cycle-submitted = Under review: submitted on { $date } through { $channel }.
cycle-expected = Result expected on { $date } ({ $n ->
        [one] { $n } working day
       *[other] { $n } working days
    } of review, holidays skipped).
cycle-expected_typical = Result expected around { $date } (the source says usually { $n ->
        [one] { $n } working day
       *[other] { $n } working days
    }; it may take longer).
cycle-expected_slowest = No channel recorded; counting the slowest: result expected on { $date } ({ $n ->
        [one] { $n } working day
       *[other] { $n } working days
    }).
cycle-expected_unknown = The source gives no review time, so the result day cannot be worked out.
cycle-overdue = The expected result day ({ $date }) has passed with no outcome recorded.
cycle-benefits_label = Benefits during the review:{" "}
cycle-benefits_yes = the source says benefits continue during the review for an application filed before the end date.
cycle-benefits_yes_but_late = the source says benefits continue only for an application filed before the end date; this one was filed after it, so ask.
cycle-benefits_no = the source says benefits do not continue during the review.
cycle-benefits_unknown = not published by the source; ask at the office or phone the insurance agency.
cycle-no_answer = If there is no answer by { $date }: phone or go to the window to ask, with the receipt or record of your submission.
cycle-ask = Phone: { $phones }
cycle-late = The qualification ended on { $date } and no submission was recorded.
cycle-source_says = The source says:{" "}
cycle-consequence_unknown = the source does not say what happens; phone to ask.
cycle-late_next = Next: phone soon to ask whether it can still be renewed; if not, apply again as a first application (重新认定).
cycle-refused = Refused on { $date }.
cycle-refused_next = Next: ask why it was refused; submit again with what was missing, or apply as a first application (重新认定).
cli-cycle-submitted = Recorded: "{ $label }" submitted on { $date }.
cli-cycle-approved = Recorded: "{ $label }" approved on { $date }, valid until { $end }. The next cycle's checklist has started: apply from { $opens } to { $closes }.
cli-cycle-refused = Recorded: "{ $label }" refused on { $date }.
cli-which-on = the date (--on)
cli-which-new_end = the new end date (--new-end)
agenda-head = To do from { $from } to { $to } ({ $n })
agenda-none = Nothing to do from { $from } to { $to }.
agenda-kind-prepare = Window opens: prepare the documents
agenda-kind-apply_by = Apply by this day
agenda-kind-window_closes = Last day of the window (no apply-by day can be counted: the source gives no review time, so apply early)
agenda-kind-result_due = Result due
agenda-kind-late = Ended with no submission recorded
agenda-progress = {" "}· { $done }/{ $total } done
agenda-choice_open = {" "}· { $choice }: one route to complete
agenda-overdue = {" "}(passed)
agenda-col-date = Date
agenda-col-who = Who
agenda-col-region = Region
agenda-col-disease = Disease
agenda-col-what = To do
clap-agenda-about = Every checklist's next action in the coming days (exit 0 when something is due, 1 when nothing is)
clap-checklist-submit-about = Record that the application was submitted (--on DATE, --channel CHANNEL)
clap-checklist-approve-about = Record the approval and the new end date; starts the next cycle
clap-checklist-refuse-about = Record a refusal
checklist-ics-result = { $label }: { $disease } result due
checklist-ics-all_name = Chronic-disease renewals (all checklists)
checklist-export_all_ics_only = --all works with --format ics only.
checklist-export_needs_id = Give a checklist id, or --all for every checklist.
checklist-duplicate = Note: there is already a checklist "{ $label }" for { $disease } in { $region } (id { $id }). Both are kept; delete the one you do not need with renew checklist delete.
cli-what-channel = the channel (--channel)
clap-checklist-submit-id = The checklist: its id, a unique start of it, or its label (see renew checklist list)
clap-checklist-approve-id = The checklist: its id, a unique start of it, or its label (see renew checklist list)
clap-checklist-refuse-id = The checklist: its id, a unique start of it, or its label (see renew checklist list)
clap-checklist-submit-on = The day it was handed in (default: today)
clap-checklist-submit-channel = The channel used: its id or a unique part of its id or name
clap-checklist-approve-new_end = The new end date, from the approval letter (认定书)
clap-checklist-approve-on = The day of the decision (default: today)
clap-checklist-refuse-on = The day of the decision (default: today)
clap-checklist-learn-about = Record what you were told when you asked (one fact at a time; --forget takes one back): this checklist's plan is counted with it
clap-checklist-learn-id = The checklist: its id, a unique start of it, or its label (see renew checklist list)
clap-checklist-learn-review_days = The review takes N working days (1–250)
clap-checklist-learn-window_months = One may apply from M months before the end date (1–24)
clap-checklist-learn-window_days = One may apply within D days before the end date (1–730)
clap-checklist-learn-no_renewal = This disease needs no renewal
clap-checklist-learn-from = Who told you (the insurance window, 12393 …)
clap-checklist-learn-on = The day you were told (default: today)
clap-checklist-learn-forget = Take back what was recorded: review-days, window-months, window-days or no-renewal
clap-checklist-export-all = Every checklist in one calendar (with --format ics)
clap-agenda-days = How many days ahead
clap-agenda-format = Output format
clap-checklist-list-format = Output format
clap-checklist-show-format = Output format
clap-checklist-export-format = Output format
clap-value-days = DAYS
clap-value-channel = CHANNEL
clap-value-text = TEXT
clap-value-field = FIELD
clap-value-shell = SHELL
doc-heading = == { $title } ==
doc-contact_sep = ;{" "}
doc-word-warning = Warning:{" "}
doc-word-contact = Contact:{" "}
doc-word-todo = To do:{" "}
doc-word-done = Done:{" "}
clap-plan-width = Text width in columns; 0 = no wrapping (default: the terminal width, or COLUMNS)
tui-review-explain_kiosk = Select a row and press Enter to change it; select the last row to make the plan. Nothing is saved here unless you press s on the result page.
tui-review-explain_kiosk_nosave = Select a row and press Enter to change it; select the last row to make the plan. Nothing is saved on this computer.
tui-review-label_kiosk = This is a shared computer: do not type a name, ID number or phone in the label; "Mom" or "me" is enough.
tui-review-label_number_kiosk = Please do not put a phone or ID number, or a name, in the label: this is a shared computer, so a form of address such as "Mom" or "Bed 3" is enough. The label is shown on the checklist and, when saved, stored on this computer.
tui-review-confirm_kiosk = Confirm: make the renewal plan
checklist-sheet-head_unsaved = Renewal checklist "{ $label }" (not saved) · printed { $date }; every date is computed for that day
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
date-err-no_year = Please include the year: YYYY-MM-DD
date-err-empty_short = Please type the end date: YYYY-MM-DD
date-err-format_short = Cannot read this date: write year-month-day (YYYY-MM-DD)
date-err-year_short = The year { $y } is not between { $from } and { $to }; please check it
date-year_this = no year typed: read as this year, { $year }
date-year_next = no year typed: this year's day has passed (or does not exist), read as { $year }
tui-date-typing = … keep typing: year-month-day, e.g. { $iso }
date-far = { $date } is { $n ->
        [one] { $n } year
       *[other] { $n } years
    } away: please check the year
tui-date-far_confirm = If it is right, press Enter again; if not, correct it
prompt-far_confirm = If it is right, type the same date again; if not, type the right one.
cli-end_year_guessed = --end { $input }: { $note }, that is { $date }
fmt-semicolon = ;{" "}
prompt-quit = Quit (you typed q). No plan was made and your answers were not saved.
steps-more = One more question here (retired or not): now { $m ->
        [one] { $m } step
       *[other] { $m } steps
    }.
steps-fewer = No need to ask whether you are retired here: now { $m ->
        [one] { $m } step
       *[other] { $m } steps
    }.
qr-compact-window = { $region } renewal { $opens }~{ $closes }
qr-compact-apply_by = Apply by { $date }
qr-compact-passed = Apply-by day passed: apply today
qr-compact-closed = Closed: ask about applying late
qr-compact-unknown = Apply by: ask where you apply
qr-compact-phone = Tel { $phone }
tui-qr-level3 = the dates and one phone (a bigger window shows more)
places-option-generic = no local data yet (general practice)
places-option-province = uses the { $province } province-wide data
places-prompt_more = For any other province or city, type its name or pinyin (e.g. 石家庄, sjz, 长沙)
plan-place-generic = { $place } · This program has no renewal data for your place yet: below is the general practice
plan-place-province = { $place } · This program has no data of its own for your place yet: below is the practice across { $province }
places-level-city = local data
places-level-province = province-wide data
places-level-generic = general practice
cli-regions-all_heading = All places (code  name  data)
cli-regions-all_hint = Other provinces and cities: renew regions --all; --region also takes a place name, pinyin or code
plan-place-city = { $place } · below is the practice of { $region }
places-not_found = No place called "{ $text }" was found. The nearest:
places-or_generic = A place not listed: type { $n } for "{ $generic }", the general practice.
tui-filter-none_region = No "{ $text }": try pinyin (changsha) or initials (cs). Enter: { $generic }
places-cli_generic = For a place not listed, --region { $id } ({ $generic }) gives the general practice.
clap-regions-all = List every province and city (about 480) and the level of data each gets
fmt-paren = { $text } ({ $note })
fact-unknown_note = Not stated in the source. Its note, in Chinese: { $note }
plan-chinese_names = Official names and the policy's own words stay in Chinese, as the service window knows them: show them there. English glosses follow in brackets where the data has them.
warn-source_note = The data's note, in Chinese: { $note }
tui-checklist-head_unsaved = { $done }/{ $total ->
        [one] { $total } required item
       *[other] { $total } required items
    } done · Space to tick (not saved here)
plan-status-grace = Ended, but renewal is still accepted until { $until } ({ $n ->
        [one] { $n } day
       *[other] { $n } days
    } left)
plan-status-no_renewal_inferred = Probably no renewal needed: this is the program's reading of the source, which does not say so outright; confirm with the insurance office where you are insured
plan-status-no_renewal = No renewal needed
plan-apply_by_grace = The qualification ended on { $closes }. The source still accepts renewal after the end date, up to { $until } ({ $n ->
        [one] { $n } day
       *[other] { $n } days
    } left): apply as soon as you can.
plan-window_days = You can apply: { $opens } to { $closes } (in the { $days ->
        [one] { $days } day
       *[other] { $days } days
    } before the end date, both days included)
plan-grace = After the end date, renewal is still accepted for { $days ->
        [one] { $days } day
       *[other] { $days } days
    }, up to { $until }
plan-no_renewal_all = { $status }. The source ({ $source }) says, in Chinese: { $text }
plan-no_renewal_disease = { $status }: the source sets a re-review or renewal only for { $n ->
        [one] { $n } disease
       *[other] { $n } diseases
    } ({ $listed }), and { $disease } is not one of them. The source ({ $source }) says, in Chinese: { $text }
plan-still_matters = What still matters:
plan-no_renewal_documents = No renewal is needed: these documents are only for filing again or making a change (for example changing designated hospitals).
plan-extended = End date extended: qualifications granted before { $on } and still running that day were extended automatically by { $months ->
        [one] { $months } month
       *[other] { $months } months
    }. Your end date { $from } is one of them, so it is now { $to }. The source says, in Chinese: { $text }. The dates below count from the new end date.
plan-validity = Granted on { $on }, it lasts { $months ->
        [one] { $months } month
       *[other] { $months } months
    }
plan-validity_changed = {" "}(the rule from { $since }; { $before ->
        [one] { $before } month
       *[other] { $before } months
    } before that)
plan-extension_channel = You can extend online: { $channel }. The source says, in Chinese: { $result }. If approved, the end date moves to { $end } ({ $months ->
        [one] { $months } more month
       *[other] { $months } more months
    }). If not: { $fallback }. In Chinese: { $text }
plan-extension_not_for_disease = { $channel } extends only the diseases it lists, and yours is not one of them: use { $fallback }.
plan-extension_result = Result, in the source's Chinese: { $result } (extended by { $months ->
        [one] { $months } month
       *[other] { $months } months
    })
plan-extension_diseases = The { $n ->
        [one] { $n } disease
       *[other] { $n } diseases
    } that can be extended this way: { $list }
plan-extension_fallback = If refused, or for other diseases: { $fallback }. In Chinese: { $text }
warn-in_grace = The qualification ended on { $ended }; renewal is still accepted until { $until } ({ $n ->
        [one] { $n } day
       *[other] { $n } days
    } left). Apply as soon as you can.
warn-grace_source_says = {" "}The source says, in Chinese: { $text }.
warn-grace_ended = {" "}The grace period after the end date also ended on { $until }.
checklist-item-grace = {" "}(still accepted after the end date until { $until })
checklist-ics-grace_end = { $label }·{ $disease }: last day renewal is accepted after the end date
qr-no_renewal = No renewal needed
qr-grace = Still accepted until { $until }
tui-bar-grace = Grace period: { $n ->
        [one] { $n } day
       *[other] { $n } days
    } left
tui-window-range_days = Renewal window: { $opens } to { $closes } ({ $days ->
        [one] { $days } day
       *[other] { $days } days
    } before the end date, both days included)
tui-window-grace = Grace after the end date: { $days ->
        [one] { $days } day
       *[other] { $days } days
    }, until { $until }
tui-home-grace = Ended; renew by { $until } ({ $n ->
        [one] { $n } day
       *[other] { $n } days
    } left)
tui-home-no_renewal = No renewal needed
cli-window_days = { $n ->
        [one] { $n } day
       *[other] { $n } days
    } before the end date
cli-grace_days = , still accepted { $n ->
        [one] { $n } day
       *[other] { $n } days
    } after
checklist-item-apply_grace = The qualification ended on { $closes }; renewal is still accepted until { $until }: submit it as soon as you can
qr-compact-no_renewal = { $region }: no renewal needed
qr-compact-grace = Ended; still accepted until { $until }
plan-level-province = the { $province } province-wide data
plan-level-generic = the general practice
plan-level-tag = {" "}(from { $level })
plan-level-section = This section comes from { $level }: the local data does not cover it.
plan-level-fields = { $fields }: from { $level }
plan-field-benefit_name = Name of the benefit
plan-field-diseases = List of diseases
tui-home-review = Under review
tui-home-review_due = Under review, result due { $date }
tui-home-review_overdue = Under review, { $date } has passed
tui-home-refused = Refused ({ $date })
tui-home-apply_by_passed = Apply-by day { $date } passed, { $n ->
        [one] { $n } day
       *[other] { $n } days
    } left
tui-home-opens_soon = Opens soon: in { $n ->
        [one] { $n } day
       *[other] { $n } days
    }
tui-home-filter_hint = Type to filter: label, region, disease or pinyin (e.g. mm, gxy)
tui-home-filter_found = { $n } of { $total } shown · Enter opens the one chosen
tui-home-filter_none = No checklist matches "{ $text }": press Backspace to delete a few characters
tui-home-pick_first = Choose a checklist with ↑↓ first
tui-home-nothing_to_undo = Nothing was deleted in this session; nothing to undo
tui-home-delete_title = Delete checklist
tui-home-confirm_delete = Delete the checklist "{ $label }"? Its file is removed from this machine. Press y or Enter to delete, any other key to keep it. Until the program closes, Ctrl-Y on the list undoes it.
tui-home-not_deleted = "{ $label }" was not deleted.
tui-home-deleted = "{ $label }" deleted. Ctrl-Y undoes it (until the program closes).
tui-home-restored = "{ $label }" is back.
tui-home-renamed = Renamed to "{ $label }".
tui-rename-title = Rename "{ $who }"
tui-rename-label = New label:{" "}
tui-rename-hint = Whose checklist it is: a word or a name (e.g. Mum, Wang Xiuying); checklists stay on this computer. No ID or phone numbers. Enter saves, Esc cancels.
tui-learn-title = What you were told
tui-learn-label-review_days = Review takes (working days):
tui-learn-label-window_months = May apply from (months before the end):
tui-learn-hint = Type the number you were told on the phone. Enter records it (this checklist's plan is counted with it, marked as told to you today), Esc cancels. To take it back: renew checklist learn ID --forget FIELD.
tui-learn-saved = Recorded; the plan is counted with what you were told.
tui-learn-bad_number = Give a whole number from { $min } to { $max }.
tui-learn-not_here = On a saved checklist, select the question about the review time or the window and press a to record the number.
tui-rename-empty = The label cannot be empty.
tui-edit-hint = Change the answers of "{ $label }": choose a row and press Enter to change it, then Confirm. Ticks that still apply are kept. Esc leaves it as it was.
tui-edited = Checklist "{ $label }" updated; the ticks that still apply are kept.
tui-saved_twice = Saved. Note: there is already a checklist "{ $label }" for { $disease } in { $region }. Both are kept; delete the one you do not need with Del on the list.
tui-not_changed = Nothing changed: { $error }
tui-changed_elsewhere = This checklist was changed elsewhere (a new renewal cycle) and has been reloaded; your last tick was not saved — tick again if it still applies.
tui-saved_short = Saved.
tui-sheet-title = Save as a file
tui-sheet-label = File name:{" "}
tui-sheet-hint = A name ending in .md is saved as Markdown, any other as plain text; a name alone goes in the current directory. Enter saves, Esc cancels.
tui-sheet-file_prefix = renewal-checklist
tui-sheet-no_name = Please type a file name.
tui-sheet-confirm_overwrite = The file { $path } already exists. Replace it? Press y or Enter to replace, any other key to change the name.
tui-sheet-not_overwritten = Not replaced: change the file name and press Enter.
tui-sheet-written = Saved to { $path } (only you can read it).
tui-sheet-failed = Not saved: { $error }
tui-sheet-link = { $path } is a symbolic link: links are not followed; please choose another name.
tui-sheet-not_a_file = { $path } is not a plain file (a folder?): please choose another name.
tui-checklist-head_cycle = { $cycle } · { $head }
tui-checklist-note = Note: { $line }
tui-checklist-notes = Latest of { $n } notes: { $line }
tui-cycle-header = Progress · { $label } · { $disease }, { $region }
tui-cycle-explain = Record that the application was submitted, approved or refused. Approved: the next cycle starts from the new end date, and this one goes into the history.
tui-cycle-state-preparing = Preparing: nothing submitted yet
tui-cycle-state-late = Expired, nothing submitted
tui-cycle-state-submitted = Under review
tui-cycle-state-refused = Refused
tui-cycle-preparing = The window is { $opens } to { $closes }. Once you have applied, record it here and the program works out when the answer is due.
tui-cycle-action-submit = Record: submitted (the day, the channel)
tui-cycle-action-approve = Record: approved (the new end date on the decision)
tui-cycle-action-refuse = Record: refused
tui-cycle-channel_question = Which channel did you submit through on { $date }?
tui-cycle-channel_unsaid = Do not record a channel (the result day is counted on the slowest)
tui-cycle-preparing_no_day = The window is { $opens } to { $closes }. Once you have applied, record it here; the source does not say how long the review takes, so no result day can be worked out: phone to ask how it is going.
tui-cycle-channel_unsaid_no_day = Do not record a channel
tui-cycle-field-submitted_on = Submitted on:{" "}
tui-cycle-field-new_end = New end date:{" "}
tui-cycle-field-approved_on = Approved on:{" "}
tui-cycle-field-refused_on = Refused on:{" "}
tui-cycle-below-day = Today unless you change it. Enter confirms, Esc goes back.
tui-cycle-below-new_end = As written on the decision (认定书) or notice. Enter confirms, Esc goes back.
tui-cycle-below-approved_on = New end date { $end }. Approved on which day? Today unless you change it.
tui-cycle-done-submitted = Recorded: submitted on { $date }. Below: when the answer is due and what to know meanwhile.
tui-cycle-done-approved = Recorded: approved, valid until { $end }. The next cycle has started: window { $opens } to { $closes }, nothing ticked yet; this one is in the history.
tui-cycle-done-refused = Recorded: refused on { $date }. Below: what the source says happens, and what to do next.
plan-validity_note = {" "}The data's note, in Chinese: { $note }

## Manual page and completions (renew generate)
clap-generate-about = The manual page and shell completions, made from this command line
clap-generate-man-about = Print the manual page (roff): renew generate man | man -l -
clap-generate-completions-about = Print a shell's completion script
clap-generate-completions-shell = The shell: bash, zsh, fish, elvish or powershell
man-manual = Renewal assistant
man-env-today = Use this date as today (as --today).
man-env-config = The config file (as --config).
man-env-data_dir = Where checklists and installed data packs are kept (as --data-dir).
man-env-policy_dir = A folder of region files used instead of the installed pack (as --policy-dir).
man-env-lang = The language when --lang and the config do not set it: zh_CN for Simplified, zh_TW or zh_HK for Traditional Chinese, en for English.
man-env-accessible = Set to 1 for plain numbered questions (for screen readers) instead of the full-screen wizard.
man-env-no_color = Set to turn colours off.
man-env-columns = The width of printed plans when the output is not a terminal.
man-env-xdg = Where the config and data folders are (default ~/.config and ~/.local/share).
man-files-config = Language, theme, kiosk and printer settings (TOML).
man-files-checklists = Saved checklists, one JSON file each; the folder is private to its user.
man-files-packs = Policy data packs installed with renew data install; the previous one is kept for renew data rollback.
man-files-example = An example kiosk config (Debian package).
man-exit-ok = Done.
man-exit-failed = Failed: a data pack or kiosk check found problems, nothing is due (renew agenda), or a file could not be read or written.
man-exit-usage = The command line or an answer was not valid or was ambiguous; the message lists the valid choices.
man-example-wizard = Open the full-screen wizard.
man-example-plan = Print the plan for a person in 海西 with diabetes whose qualification ends on 31 March 2026.
man-example-json = The same plan as JSON, for scripts.
man-example-checklists = Every saved checklist, most urgent first.
man-example-install = Check and install a policy data pack; a pack with problems changes nothing.
man-example-rollback = Go back to the data pack installed before.
man-example-kiosk = Check a kiosk's config, printer, folders and data before opening.
man-example-completions = Install the bash completions.
man-see_also = The README: { $readme }

## Installed data packs (renew data install | list | rollback)
clap-data-install-about = Check a data pack (a folder or a .tar with manifest.toml) in full and install it; the one before is kept
clap-data-install-pack = The pack: a folder or a .tar file holding manifest.toml and the region files
clap-data-list-about = Show the data built into the program and each installed pack
clap-data-rollback-about = Go back to the pack installed before (or to the data built in)
data-installed = Installed { $name } { $version } (published { $published } by { $publisher }, { $files ->
        [one] { $files } file
       *[other] { $files } files
    }) in { $path }. Plans use it from now on.
data-install_refused = { $pack } was not installed, and nothing was changed: { $n } problem(s).
data-install_failed = Could not install into { $dir }
data-list-embedded = Built into the program: data checked on { $version }
data-list-none = No data pack installed: the program uses the data built into it.
data-list-current = In use:{" "}
data-list-previous = Previous (renew data rollback returns to it):{" "}
data-list-pack = { $name } { $version }, published { $published } by { $publisher }, { $files ->
        [one] { $files } file
       *[other] { $files } files
    }, in { $path }
data-list-damaged = ✗ This pack's files no longer match its manifest:
data-rolled_back = Now using { $name } { $version } (published { $published } by { $publisher }) in { $path }.
data-rolled_back_embedded = Now using the data built into the program (checked on { $version }).
data-nothing_installed = No data pack is installed: nothing to roll back.
data-installed_unreadable = The installed data pack cannot be read ({ $reason }); using the data built into the program.
plan-data_pack = Policy data from the pack { $name } { $version }, published { $published } by { $publisher }.
plan-data_builtin = Policy data built into this program (data version { $version }).
plan-data_unnamed_pack = Policy data built into this program (data version { $version }), with region files added or replaced by a pack folder that has no manifest, so its name and version cannot be given.

## Kiosk check (renew kiosk check)
clap-kiosk-about = A walk-up kiosk's setup: renew kiosk check
clap-kiosk-check-about = Check the kiosk's config, printer, folders, data and terminal before opening (exit 0 only when all is well)
kiosk-config_read = Config read from { $path }
kiosk-config_missing = No config file at { $path }: the kiosk would run with the defaults (see /usr/share/doc/renew/examples/config.toml)
kiosk-config_none = No config folder is known on this machine: give one with --config or RENEW_CONFIG
kiosk-not_enabled = Kiosk mode is off: set enabled = true under [kiosk] in the config, or start renew with --kiosk
kiosk-printer_ok = Printer program: { $program }
kiosk-printer_missing = The printer program "{ $program }" is not installed or not in PATH ([print] command)
kiosk-printer_not_executable = The printer program { $program } is not executable (chmod +x, or fix [print] command)
kiosk-no_printer = No printer set up ([print] command or file): people can only read the plan on the screen
kiosk-print_file_ok = The printable sheet is written in { $folder }
kiosk-print_file_not_writable = The print file { $file } cannot be written: its folder { $folder } is missing or not writable by this user
kiosk-data_dir_new = Data folder { $dir } does not exist yet; it is created private to this user on first use
kiosk-data_dir_ok = Data folder { $dir } is private to this user
kiosk-data_dir_not_private = Data folder { $dir } is not private (mode { $mode }, or another user's): others could read saved checklists; run chmod 700 on it as its owner
kiosk-data_dir_not_dir = { $dir } is not a folder (or is a link): the data folder must be a real folder
kiosk-embedded_data = Policy data: built into the program (checked on { $version })
kiosk-pack_ok = Policy data: the installed pack { $name } { $version } passes its check
kiosk-policy_dir_ok = Policy data: the folder { $dir } passes its check
kiosk-pack_bad = The policy data in { $dir } fails its check ({ $n } problem(s)); install a good pack or run renew data rollback
kiosk-idle_ok = Idle reset after { $n ->
        [one] { $n } second
       *[other] { $n } seconds
    } without a key
kiosk-idle_short = Idle reset after only { $n ->
        [one] { $n } second
       *[other] { $n } seconds
    }: too short to read a plan (use at least 30)
kiosk-idle_long = Idle reset after { $n ->
        [one] { $n } second
       *[other] { $n } seconds
    }: a visitor's answers stay on the screen too long after they leave (use at most 600)
kiosk-countdown_ok = A countdown shows for the last { $n ->
        [one] { $n } second
       *[other] { $n } seconds
    }
kiosk-countdown_short = The countdown lasts only { $n ->
        [one] { $n } second
       *[other] { $n } seconds
    }: too short to notice (use at least 5)
kiosk-quit_key = The operator quits with { $key }, pressed twice
kiosk-quit_key_bad = The quit key "{ $key }" is not valid: use ctrl-<letter> or f1 to f12
kiosk-terminal_ok = Terminal: { $w } × { $h }
kiosk-terminal_small = Terminal: { $w } × { $h }, smaller than the { $min_w } × { $min_h } the wizard needs: use a smaller font or a larger screen
kiosk-terminal_unknown = Not run on a terminal: its size is not known (the wizard needs { $min_w } × { $min_h }); run this check on the kiosk's own screen
kiosk-all_well = All is well.
kiosk-problems = { $n } problem(s) to fix before opening.

cli-nearest_everywhere = Closest names in the national list of diseases:
cli-disease_not_listed = { $region }'s list neither names { $concept } nor has an entry for other diseases: ask the local medical insurance office, or pick from the list.
plan-typed_named = You typed "{ $typed }": { $region }'s list calls it "{ $entry }"; the plan below is for that entry.
plan-typed_outside_list = Your disease "{ $typed }" is not among the { $n ->
        [one] { $n } disease
       *[other] { $n } diseases
    } { $region } re-examines: { $meaning } The plan below is for "{ $entry }".
plan-typed_scope_no_renewal = the local rules say other diseases need no re-examination.
plan-typed_scope_unsaid = the local rules set no re-examination date for other diseases; ask the local medical insurance office.
plan-typed_scope_no_renewal_inferred = the local rules list only the diseases that need re-examination and say nothing of the others; this program infers that others probably need none, so confirm with the local medical insurance office.
plan-typed_not_in_list = Your disease "{ $typed }" is not in the list of { $region } this program has; the plan below is for "{ $entry }". Ask the local medical insurance office whether it is in the local catalogue.
plan-typed_no_list = This program has no list of diseases for { $region }: your disease "{ $typed }" gets the plan for "{ $entry }".
disease-with_typed = { $entry } ({ $typed })
tui-filter-cover = Not listed: Enter picks "{ $entry }" for "{ $typed }"
tui-filter-not_listed = The list has no "{ $concept }" and no "other diseases": ask the local office
tui-filter-not_listed_other = The list has no "{ $concept }" itself; below is another disease: ask the office
tui-filter-open_unknown = "{ $text }" is unknown here: Enter picks "{ $entry }"; confirm with the office
tui-filter-hint_kiosk = Number, then Enter. Not listed? { $n }: { $generic }
tui-number_highlighted = Item { $n } highlighted: press Enter
qr-no_renewal_inferred = Probably no renewal needed (this program's reading of the source: confirm with the insurance office)
qr-compact-no_renewal_inferred = { $region }: probably no renewal, confirm
tui-home-no_renewal_inferred = Probably no renewal (confirm)
checklist-item-confirm_no_renewal_inferred = Call the insurance office to confirm whether your disease needs re-review: the source lists only the diseases that do, and "no renewal" is this program's inference
checklist-item-confirm_no_renewal_inferred_phone = Call the insurance office ({ $phone }) to confirm whether your disease needs re-review: the source lists only the diseases that do, and "no renewal" is this program's inference
warn-end_not_a_deadline = The end date you gave, { $end }, is no renewal deadline; nothing is due on it: the source says "{ $text }". If your certificate or the insurance app shows another date, ask the insurance office.
# issue 26: notes, rename, edit
cli-what-filter = filter (--filter)
cli-which-note_on = note date (--on)
checklist-noted = Noted for "{ $label }": { $line }
checklist-notes_count = This checklist has { $n ->
        [one] { $n } note
       *[other] { $n } notes
    } (renew checklist show lists them all).
checklist-note_empty = The note is empty: write what to remember, e.g. "Called; picks up the form on Friday".
checklist-note_future = The note's day { $on } is after today ({ $today }): a note records what was done. Write what is planned in the note itself, e.g. "Called; picks up the form on Friday".
checklist-note_too_long = The note is too long: at most { $max ->
        [one] { $max } character
       *[other] { $max } characters
    } each; split it into several notes.
checklist-show-notes = Notes:
checklist-renamed = Renamed "{ $old }" to "{ $label }" (id { $id }).
checklist-edit_nothing = Nothing to change: give at least one of --end, --disease, --scheme or --region.
checklist-edited = Updated "{ $label }" (id { $id }): { $region } · { $disease } · ends { $end }
checklist-edited_progress = { $done }/{ $total } done (ticks that still apply are kept).
clap-checklist-note-about = Add a dated note to a checklist (e.g. "Called; picks up the form on Friday")
clap-checklist-rename-about = Give a checklist a new label
clap-checklist-edit-about = Change a checklist's answers (end date, disease, scheme, region), keeping the ticks that still apply
clap-checklist-list-filter = Only checklists whose label, region, disease or notes contain this (pinyin and initials too)
tui-note-title = Add a note for "{ $who }"
tui-note-label = Note: 
tui-note-hint = What was done or said today (e.g. "Called; picks up the form on Friday"). Enter saves, Esc cancels.
tui-home-noted = Note added for "{ $label }".
tui-result-notes = Notes
places-option-municipality = uses the { $city } city-wide data
plan-level-municipality = the { $city } city-wide data
cli-diseases-heading_borrowed = Diseases for { $place }: the list of { $region } (id  name)
cycle-no_answer_unknown = If no answer comes: phone or go to the window to ask, with the receipt or record of your submission.
tui-cycle-done-submitted_no_day = Recorded: submitted on { $date }. The source gives no review time: no result day.
clap-checklist-note-id = The checklist: its id, a unique start of it, its label, or the label's pinyin initials
clap-checklist-note-text = What to remember (e.g. "Called; picks up the form on Friday")
clap-checklist-note-on = The day the note is about (default: today)
clap-checklist-rename-id = The checklist: its id, a unique start of it, its label, or the label's pinyin initials
clap-checklist-rename-label = The new label: a word or a name (e.g. Mum, 王秀英); no ID or phone numbers
clap-checklist-edit-id = The checklist: its id, a unique start of it, its label, or the label's pinyin initials
clap-checklist-edit-end = The new end date (YYYY-MM-DD)
clap-checklist-edit-disease = Disease: id, name, pinyin or initials (e.g. tnb for 糖尿病)
clap-checklist-edit-scheme = Scheme: employee / 职工医保, resident / 城乡居民医保
clap-checklist-edit-region = Region: id, name, pinyin or a unique part; without --disease the same disease is looked up by name there
prompt-pick_offered = Type a number from 1 to { $n } above, or a name or pinyin again:
plan-benefit_gloss = outpatient benefit for chronic and special diseases

## A config file that cannot be used
config_file-error = The config file { $path } cannot be used: { $problem }
config_file-not_regular = it is not a regular file
config_file-too_big = it is larger than the { $limit }-byte limit
config_file-unreadable = it cannot be read ({ $reason })
config_file-syntax = line { $line } is wrong ({ $detail })
config_file-syntax_no_line = it is not valid ({ $detail })
config_file-idle_too_short = kiosk.idle_seconds is { $value }; it must be at least 10
config_file-countdown_not_less = kiosk.countdown_seconds ({ $countdown }) must be less than idle_seconds ({ $idle })
config_file-print_timeout = print.timeout_seconds is { $value }; it must be between 1 and 600
config_file-quit_key = kiosk.quit_key is { $value }; write ctrl-<letter> (such as ctrl-q) or f1 to f12
kiosk-config_broken = { $problem }. The checks below use the default settings.

## Key hints (the footer) and the help's lines, one per command (tui::commands)
tui-hint-pick = ↑↓ pick
tui-hint-open = Enter open
tui-hint-delete = Del delete
tui-hint-help = ? help
tui-hint-filter = Type to filter
tui-hint-choose = ↑↓ choose
tui-hint-ok = Enter OK
tui-hint-number = No. highlights
tui-hint-back = Esc back
tui-hint-type_date = Type the date
tui-hint-caret = ←→ move
tui-hint-change_confirm = Enter change/confirm
tui-hint-type_label = Type a label
tui-hint-cancel = Esc cancel
tui-hint-type_label_kiosk = Type a label (no name, ID or phone)
tui-hint-tabs = 1-5 tabs
tui-hint-tick = Space tick
tui-hint-progress = c progress
tui-hint-print_save = p print/save
tui-hint-qr = r QR
tui-hint-tabs_kiosk = ←→ tabs
tui-hint-print = p print
tui-hint-save_here = s save here
tui-hint-next_person = n next person
tui-hint-scroll = ↑↓ scroll
tui-hint-cycle_pick = 1-3 pick
tui-hint-page_scroll = PgUp/PgDn scroll
tui-hint-type_a_date = Type a date
tui-hint-list_keys = F2-F4 rename/edit/note
tui-hint-quit = q quit
tui-hint-quit_typing = Ctrl-C quit
tui-help-line-move = ↑ ↓        Move up and down in a list
tui-help-line-enter = Enter      Confirm / open / change
tui-help-line-numbers = Numbers    Highlight that item, Enter confirms; for item 20 type 2 then 0
tui-help-line-type = Type       Filter region and disease lists (Chinese, pinyin, initials)
tui-help-line-edit = Backspace  Delete one character; Ctrl-U clears, Ctrl-A / Ctrl-E start / end
tui-help-line-back = Esc        Go back one step (your answers are kept)
tui-help-line-tabs = ← → Tab    Switch tabs on the result page
tui-help-line-tick = Space      Tick or untick a document or checklist item, saved at once
tui-help-line-page = PgUp PgDn  Page up / down
tui-help-line-new = n          Start a new renewal plan (on the list: Ctrl-N)
tui-help-line-help = ?          Show this help
tui-help-line-quit = q          Quit (while typing text, use Ctrl-C)
tui-help-line-mouse = Mouse      Click to choose an option, tick an item or switch tabs
tui-help-line-qr = r          Show a QR code to scan with a phone
tui-help-line-print = p          Print (printer set in the config file)
tui-help-line-enter_kiosk = Enter      Confirm / change
tui-help-line-tick_kiosk = Space      Tick or untick a document or item (for this visit only)
tui-help-line-qr_kiosk = r          Show a QR code to scan with a phone
tui-help-line-print_kiosk = p          Print the checklist
tui-help-line-next_person = n          Clear every answer for the next person
tui-help-line-list_filter = Type       Filter the list of checklists (label, region, disease, pinyin)
tui-help-line-delete = Del        Delete the chosen checklist (asks first; Ctrl-Y undoes; or Ctrl-D)
tui-help-line-rename_edit = F2 / F3    Rename / change the answers, keeping ticks (or Ctrl-R / Ctrl-T)
tui-help-line-note = F4         Add a note dated today (e.g. called; or Ctrl-O)
tui-help-line-progress = c / a      Progress: submitted, approved, refused; a: a number you were told
tui-help-line-print_file = p          No printer set up: save the checklist as a file (.md or text)
tui-help-line-save_here = s          Save the checklist on this computer
