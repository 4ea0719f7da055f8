-- Money (domain page §6) as data the beheerder extends per year: amounts in integer cents.

-- SPUK Inburgering per cohort year (the year the obligation started): a statushouder brings the
-- year-1 amount in that year, year 2 and 3 in the next two; a gezins-/overige migrant once.
CREATE TABLE spuk_rates (
    year     INTEGER NOT NULL,
    kind     TEXT NOT NULL CHECK (kind IN ('statushouder_jaar1', 'statushouder_jaar2',
                                           'statushouder_jaar3', 'gezins_overige_migrant')),
    cents    INTEGER NOT NULL CHECK (cents >= 0),
    PRIMARY KEY (year, kind)
) STRICT;
INSERT INTO spuk_rates (year, kind, cents) VALUES
    (2022, 'statushouder_jaar1', 805710), (2023, 'statushouder_jaar1', 837803),
    (2024, 'statushouder_jaar1', 887051), (2025, 'statushouder_jaar1', 915491),
    (2022, 'statushouder_jaar2', 407967), (2023, 'statushouder_jaar2', 424217),
    (2024, 'statushouder_jaar2', 449154), (2025, 'statushouder_jaar2', 463554),
    (2022, 'statushouder_jaar3', 101992), (2023, 'statushouder_jaar3', 106054),
    (2024, 'statushouder_jaar3', 112289), (2025, 'statushouder_jaar3', 115889),
    (2022, 'gezins_overige_migrant', 61098), (2023, 'gezins_overige_migrant', 63532),
    (2024, 'gezins_overige_migrant', 67266), (2025, 'gezins_overige_migrant', 69423);

-- Trajectprijzen per participant, from a year on (provider NULL: any provider).
CREATE TABLE course_prices (
    provider  TEXT,
    product   TEXT NOT NULL CHECK (product IN ('b1_route', 'z_route', 'map_b1',
                                               'map_gezinsmigranten', 'onderwijsroute_mbo')),
    from_year INTEGER NOT NULL,
    cents     INTEGER NOT NULL CHECK (cents >= 0),
    UNIQUE (provider, product, from_year)
) STRICT;
INSERT INTO course_prices (provider, product, from_year, cents) VALUES
    ('Danner & Danner', 'b1_route', 2022, 795000), ('Danner & Danner', 'b1_route', 2024, 843495),
    ('Danner & Danner', 'b1_route', 2025, 891574),
    ('VluchtelingenWerk', 'b1_route', 2022, 937500), ('VluchtelingenWerk', 'b1_route', 2024, 994688),
    ('VluchtelingenWerk', 'b1_route', 2025, 1051385),
    ('Danner & Danner', 'z_route', 2022, 905000), ('Danner & Danner', 'z_route', 2024, 960205),
    ('Danner & Danner', 'z_route', 2025, 1014937),
    ('NLtraining', 'z_route', 2022, 915000), ('NLtraining', 'z_route', 2024, 970815),
    ('NLtraining', 'z_route', 2025, 1026151),
    (NULL, 'map_b1', 2022, 27500), (NULL, 'map_b1', 2024, 29178), (NULL, 'map_b1', 2025, 30841),
    (NULL, 'map_gezinsmigranten', 2022, 35000), (NULL, 'map_gezinsmigranten', 2024, 37135),
    (NULL, 'map_gezinsmigranten', 2025, 39251),
    (NULL, 'onderwijsroute_mbo', 2022, 1580000), (NULL, 'onderwijsroute_mbo', 2024, 1676380),
    (NULL, 'onderwijsroute_mbo', 2025, 1771934);

-- Facturatiemomenten: the share of the trajectprijs (in tenths of a percent) a school may
-- invoice once the milestone is reached. The B1-route's also apply to the onderwijsroute.
CREATE TABLE invoice_milestones (
    code           TEXT PRIMARY KEY,
    route          TEXT NOT NULL CHECK (route IN ('b1', 'onderwijsroute', 'z_route')),
    share_permille INTEGER NOT NULL CHECK (share_permille BETWEEN 1 AND 1000),
    description    TEXT NOT NULL,
    position       INTEGER NOT NULL
) STRICT;
INSERT INTO invoice_milestones (code, route, share_permille, description, position) VALUES
    ('z_6_maanden', 'z_route', 125, '6 maanden na de start', 1),
    ('z_12_maanden', 'z_route', 125, '12 maanden na de start', 2),
    ('z_1200_uur', 'z_route', 250, '1.200 uur: 600 taal en 600 participatie', 3),
    ('z_a1_examen', 'z_route', 250, 'A1 aangetoond op minstens één examenonderdeel', 4),
    ('z_alle_onderdelen', 'z_route', 100, 'alle onderdelen afgerond', 5),
    ('b1_6_maanden', 'b1', 125, '6 maanden na de start', 1),
    ('b1_12_maanden', 'b1', 125, '12 maanden na de start', 2),
    ('b1_a2_aangetoond', 'b1', 250, 'A2 aangetoond', 3),
    ('b1_a2_examens', 'b1', 300, 'A2-examens behaald of door naar B1', 4),
    ('b1_eindniveau', 'b1', 50, 'B1/B2 behaald, of na 600 uur A2 als hoogst haalbare', 5);
