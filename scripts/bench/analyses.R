# Rscript scripts/bench/analyses.R DIR
# The report's core analyses in base R + the survival package, as the comparator of `npm run bench`
# (docs/scale.md): Table 1 summaries, Kaplan–Meier OS and PFS with medians (log-log CI, as the report),
# and the confirmed ORR with its exact Clopper–Pearson interval (binom.test). Reads the cohort CSVs;
# prints one JSON object. Conventions of docs/architecture.md: Day 1 = start of induction chemotherapy,
# time = date - Day 1 + 1 days, months = days / (365.25 / 12).
suppressPackageStartupMessages(library(survival))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) stop("usage: Rscript scripts/bench/analyses.R DIR")
dir <- args[[1]]
read <- function(name, classes) {
  read.csv(file.path(dir, paste0(name, ".csv")), colClasses = classes, na.strings = "")
}
patients <- read("patients", c(USUBJID = "integer", AGE = "numeric", ECOG = "integer", KI67 = "numeric",
                              DIAGDT = "Date", COMORBTX = "character"))
metastases <- read("metastases", c(USUBJID = "integer", METNUM = "integer"))
treatments <- read("treatments", c(USUBJID = "integer", STDT = "Date", ENDT = "Date", CYCLES = "integer",
                                   RTDOSE = "numeric", RTFRAC = "integer"))
assessments <- read("assessments", c(USUBJID = "integer", RSDTC = "Date", TUSIZE_MM = "numeric"))
events <- read("events", c(USUBJID = "integer", EVDTC = "Date"))
n <- nrow(patients)
ids <- patients$USUBJID

pct <- function(k, d = n) list(n = k, pct = 100 * k / d)
range_stats <- function(x) list(mean = mean(x), median = median(x), min = min(x), max = max(x))
has <- function(set) ids %in% set

# Table 1
induction <- treatments[treatments$TRTPHASE == "INDUCTION", ]
first_line <- treatments[treatments$TRTCAT == "CHEMOTHERAPY" &
                           treatments$TRTPHASE %in% c("INDUCTION", "CONCURRENT", "CONSOLIDATION", "ADJUVANT"), ]
cycles <- tapply(first_line$CYCLES, factor(first_line$USUBJID, levels = ids), sum, default = 0)
crt <- treatments[treatments$TRTCAT == "RADIOTHERAPY" & treatments$TRTPHASE == "CONCURRENT", ]
surgery <- treatments[treatments$TRTCAT == "PRIMARY_SURGERY", ]
liver_pts <- unique(metastases$USUBJID[metastases$METSITE == "LIVER"])
table1 <- list(
  female = pct(sum(patients$SEX == "F")),
  age = range_stats(patients$AGE),
  ps01 = pct(sum(patients$ECOG <= 1)),
  ki67 = range_stats(patients$KI67),
  morph_lcnec = pct(sum(patients$MORPH == "LCNEC")),
  morph_scnec = pct(sum(patients$MORPH == "SCNEC")),
  morph_minen = pct(sum(patients$MORPH == "MINEN")),
  stage_metastatic = pct(sum(patients$CMSTAGE == "M1")),
  mets_liver = pct(length(liver_pts)),
  mets_peritoneum = pct(length(unique(metastases$USUBJID[metastases$METSITE == "PERITONEUM"]))),
  chemo_cis_etop = pct(sum(induction$AGENT == "CISPLATIN_ETOPOSIDE")),
  chemo_cycles = range_stats(as.numeric(cycles)),
  rt_neoadjuvant = pct(sum(crt$RTINTENT == "NEOADJUVANT")),
  rt_50gy28f = pct(sum(crt$RTDOSE == 50.4 & crt$RTFRAC == 28)),
  rt_25gy5f = pct(sum(crt$RTDOSE == 25 & crt$RTFRAC == 5)),
  surgery_yes = pct(length(unique(surgery$USUBJID))),
  resection_r0 = pct(sum(surgery$MARGIN == "R0"), nrow(surgery)),
  liver_rfa = pct(length(intersect(liver_pts, treatments$USUBJID[treatments$TRTCAT == "LIVER_RFA"])), length(liver_pts)),
  liver_resection = pct(length(intersect(liver_pts, treatments$USUBJID[treatments$TRTCAT == "LIVER_RESECTION"])),
                        length(liver_pts))
)

# Time to event from Day 1
day1 <- induction$STDT[match(ids, induction$USUBJID)]
end <- events[events$EVENT %in% c("DEATH", "LAST_CONTACT"), ]
end <- end[match(ids, end$USUBJID), ]
# First progression: a progression event or a RECIST PD assessment, whichever is first (ADSL.PROGDY)
prog <- events[events$EVENT == "PROGRESSION", ]
pd <- assessments[!is.na(assessments$RSORRES) & assessments$RSORRES == "PD", ]
first_prog <- tapply(c(as.numeric(prog$EVDTC), as.numeric(pd$RSDTC)),
                     factor(c(prog$USUBJID, pd$USUBJID), levels = ids), min)
death <- end$EVENT == "DEATH"
months <- function(days) days / (365.25 / 12)
os <- data.frame(time = months(as.numeric(end$EVDTC - day1) + 1), status = as.integer(death))
# PFS (ADTTE): progression or death, whichever is first; censored at the last adequate assessment (overall response
# other than NE), or on Day 1 without one
adequate <- assessments[!is.na(assessments$RSORRES) & assessments$RSORRES != "NE", ]
last_adequate <- tapply(as.numeric(adequate$RSDTC), factor(adequate$USUBJID, levels = ids), max)
event_date <- pmin(first_prog, ifelse(death, as.numeric(end$EVDTC), NA), na.rm = TRUE)
pfs_date <- ifelse(is.na(event_date), ifelse(is.na(last_adequate), as.numeric(day1), last_adequate), event_date)
pfs <- data.frame(time = months(pfs_date - as.numeric(day1) + 1), status = as.integer(!is.na(event_date)))
km <- function(d) {
  fit <- survfit(Surv(time, status) ~ 1, data = d, conf.type = "log-log")
  q <- quantile(fit, probs = 0.5)
  num <- function(x) if (is.na(x)) NULL else unname(x)
  list(n = nrow(d), events = sum(d$status), km_median = num(q$quantile), km_ci_low = num(q$lower),
       km_ci_high = num(q$upper))
}

# Confirmed objective response (RECIST 1.1, as ADRS): up to the first PD, a CR followed by a CR at least 28 days
# later, or a PR followed by a PR or CR at least 28 days later
resp <- assessments[assessments$RSORRES %in% c("CR", "PR"), c("USUBJID", "RSDTC", "RSORRES")]
resp <- resp[is.na(first_prog[as.character(resp$USUBJID)]) |
               as.numeric(resp$RSDTC) <= first_prog[as.character(resp$USUBJID)], ]
by_patient <- function(rows, f) tapply(as.numeric(rows$RSDTC), factor(rows$USUBJID, levels = ids), f)
cr <- resp[resp$RSORRES == "CR", ]
pr <- resp[resp$RSORRES == "PR", ]
confirmed <- (by_patient(cr, min) <= by_patient(cr, max) - 28) | (by_patient(pr, min) <= by_patient(resp, max) - 28)
responders <- sum(confirmed, na.rm = TRUE)
ci <- binom.test(responders, n)$conf.int

out <- list(n = n, table1 = table1, os = km(os), pfs = km(pfs),
            orr = list(n = responders, pct = 100 * responders / n, ci_low = 100 * ci[1], ci_high = 100 * ci[2]))

# Minimal JSON writer (base R only: the bench needs r-base-core and r-cran-survival, nothing else).
json <- function(x) {
  if (is.list(x)) {
    keys <- names(x)
    inner <- vapply(seq_along(x), function(i) paste0('"', keys[i], '":', json(x[[i]])), "")
    return(paste0("{", paste(inner, collapse = ","), "}"))
  }
  if (is.null(x) || length(x) == 0) return("null")
  if (is.character(x)) return(paste0('"', x, '"'))
  format(x, digits = 15, scientific = FALSE, trim = TRUE)
}
cat(json(out), "\n", sep = "")
