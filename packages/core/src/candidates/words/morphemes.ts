/**
 * Pairing morphemes (pattern 6 of domain-rules §2: `acmehub.com`, `hubacme.com`): common,
 * easy-to-spell short words, curated to contain no spam word and no protected brand, and
 * disjoint from the other word lists. Each is tried before and after the brand; this is how
 * the generator fills large counts (5,000+ candidates). Plain lower-case ASCII, 2–10
 * letters, sorted. Internal data.
 */
export const MORPHEMES: readonly string[] = (
  'able ace acorn active adept advance agent agile aim air alliance alpha amber amp anchor ' +
  'angle ant apex arc arch arena arrow art aspire assembly assist astro atelier atlas atom aura ' +
  'avenue axis badge balance ballad band banner barn barrel base basil basin bay beacon beam ' +
  'bear beat beaver bee bell bench berry bind birch bison bit blend bliss block bloom blossom ' +
  'blue boat bold bolt bond boulder bound bow box branch brave bread breeze brew brick bridge ' +
  'bright bring brisk broad brook brush bud buddy build bull bundle burst bus byte cabin ' +
  'cadence cafe calm camp campus candle canopy canvas canyon cape captain caravan carbon card ' +
  'care cargo carry castle catch cedar cell center central chain chalk champ channel chapter ' +
  'charm chart chat check cherry chief chime choice chord cinema circle citrus city civic clan ' +
  'clarity class clay clean clear cliff climb clip clock cloud clover club coast cobalt cocoa ' +
  'code colony colt column comet comfort common compass concept cool coral cord core corner ' +
  'cosmo cosmos cotton council count court cove craft crane creek crest crew crimson crisp ' +
  'crown crystal cube cue cup curve cycle daily daisy dale dash data dawn day deep deer delta ' +
  'den depot depth design desk dial diamond digit dish dive dock dolphin dome dove draft dream ' +
  'drift drive drum dune duo dusk dynamo eagle earth ease east echo edge element elite elk elm ' +
  'embark ember emerald engine epic equal era essence ever evolve expert fable factor fair ' +
  'faith falcon falls fast fern fiber field fiesta figure film finch fine fire first fjord flag ' +
  'flair flame flash fleet flint float flora flow fly focus folio folk font forest forge form ' +
  'fort forum fountain fox frame fresh friends frontier fruit fuel fusion future gala galaxy ' +
  'garden garnet gate gear gecko gem genius geo giant ginger glade glass glen glide globe gloss ' +
  'glow goat gold good grain grand granite graph great green grid grove guide guild habit hall ' +
  'halo harbor hare harmony harvest hatch haven hawk hazel hear heart hearth heath helix help ' +
  'hero heron hexa hill hive home honey horizon horse host house hub hue humble icon idea ' +
  'ignite image impact index indigo ink inlet insight island isle ivory ivy jade jar jet jewel ' +
  'journey joy juice jump jungle keen kernel key kin kind kinetic kite knack knight knot koala ' +
  'label ladder lagoon lake lamb lamp lane lantern lark launch laurel layer leaf league leap ' +
  'ledger legacy legend lemon lens letter level lever lift light lily lime linen lion lite ' +
  'lively lock lodge logic loom loop lotus lucid lumen luna lynx lyric magnet main major make ' +
  'mango manor map maple marble marina mark market mart marvel mates matrix max meadow medal ' +
  'melody memo mentor merit mesa meteor method metro mile mill mind mineral mint mirror mission ' +
  'mode model modern momentum moon moor moose mosaic moss motif motion motor mount mountain ' +
  'move muse native nature navy neat nectar needle neon nest nexus nimble noble node north note ' +
  'notion nova nugget oak oasis ocean octave olive omega one onward onyx opal open optic option ' +
  'oracle orb orbit orca orchid origin otter outpost owl ox pace page paint palette pals panda ' +
  'panel panorama paper parade paragon park patch path patron peach peak pearl pebble pen ' +
  'pencil people pepper petal phase pilot pin pine ping pivot pixel place planet plank plaza ' +
  'plume plus point polar pollen pony port portal post prairie prime prism pro probe propel ' +
  'prose proxy pulse puma pure quarry quartz quest quick quiet quill rabbit radar radiant ' +
  'radius rain rally ram range rapid raven realm red reed reef relay remedy reply rhythm ride ' +
  'ridge ring ripple rise river road robin rock rocket room root rose route rover row royal ' +
  'ruby run rush rustic saga sage sail salt sand sapphire satin savvy say scale scarlet scope ' +
  'scout script sea sector seed select send sense sequel serve shape share sharp shed shelter ' +
  'shift shine ship shore sierra sign signal silk silver simple site sketch sky slate smart ' +
  'soar society solar solid solo sonar sonic sound source south space spark speak spectrum ' +
  'sphere spice spire spot spring sprint sprout spruce squad square stable stack stag stage ' +
  'stamp standard star station steady stellar stitch stone store story strata stream street ' +
  'stride strong summit sun sunny supply sure surf surge swan swift symbol sync table tag ' +
  'talent talk tandem tango target task teal tell tempo terra thread thrive thyme ticket tide ' +
  'tiger tile timber titan token top topic torch totem tower town trace track trade trail ' +
  'transit tree tribe trio true trust tulip tune turtle ultra umbra union unity upland uplift ' +
  'urban valley valor value vantage vault velvet venture venue verse vertex vessel vibe view ' +
  'vigor village violet vital vivid voice voyage walnut wander ward warm water wave way weave ' +
  'west whale wheel willow wise wolf wonder wood woods word works workshop world woven wren ' +
  'yard yarn yonder zeal zen zenith zest zinc zone'
).split(' ');
