-- config(per_report='true')
-- Every quote from a report's text is exactly the text at [char_start, char_end), and its figure lies inside.
-- (A figure from an analyst table quotes its CSV line; its span is into that file.)
select facts.fact_id, facts.report_id, facts.char_start, facts.char_end
from marts.fct_reported_fact as facts
left join staging.stg_documents as documents using (report_id)
where facts.source_kind = 'text' and documents.text is null
    or facts.source_kind = 'text' and (
        substring(documents.text, facts.char_start + 1, facts.char_end - facts.char_start) <> facts.quote
        or substring(documents.text, facts.figure_start + 1, facts.figure_end - facts.figure_start) <> facts.figure_text
    )
