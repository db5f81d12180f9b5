// Images at the size they are drawn (issue: the real APIs, item 6). IMDb's
// image URLs are full-size originals (often 2000x3000 px); Amazon's image
// service scales one when the name asks for it ("<id>._V1_QL75_UX{w}_.jpg").
// TMDB paths carry a size segment ("/t/p/w500/..."): the smallest size TMDB
// offers for that kind of image that still covers the slot is used. Slots
// are sized in CSS pixels (style.css .pic-*) and asked at twice that for
// high-density screens. Any other URL is returned as it is.

/** CSS width of each picture() kind's slot. */
const SLOT_PX = { thumb: 28, face: 44, poster: 64, logo: 92, provider: 40, still: 96, big: 300 };
const DENSITY = 2;

/** The sizes TMDB serves, per kind of image (its /configuration lists). */
const TMDB_SIZES = {
  poster: [92, 154, 185, 342, 500, 780],
  profile: [45, 185],
  still: [92, 185, 300],
  logo: [45, 92, 154, 185, 300, 500],
};
const TMDB_KIND = { thumb: 'poster', poster: 'poster', big: 'poster', face: 'poster', still: 'still', logo: 'logo', provider: 'logo' };

/**
 * @param {string | null | undefined} url
 * @param {string} kind  a picture() kind: thumb, face, poster, logo, provider, still, big
 * @returns {string | null | undefined}
 */
export function sizedImageUrl(url, kind) {
  if (typeof url !== 'string' || !(kind in SLOT_PX)) return url;
  const want = SLOT_PX[kind] * DENSITY;
  const amazon = url.match(/^(https:\/\/m\.media-amazon\.com\/images\/M\/[^/?#.]+)(?:\.[^/?#]*)?\.(jpe?g|png)$/i);
  if (amazon) return `${amazon[1]}._V1_QL75_UX${want}_.${amazon[2]}`;
  const tmdb = url.match(/^(https:\/\/image\.tmdb\.org\/t\/p\/)([a-z]+\d*|original)(\/[^/?#]+)$/);
  if (tmdb) {
    // A face may be a person's profile (w45/w185/h632) or a season's poster:
    // w185 is offered for both, and covers the slot.
    const sizes = kind === 'face' ? TMDB_SIZES.profile : TMDB_SIZES[TMDB_KIND[kind]];
    const fit = sizes.find((w) => w >= want) ?? sizes.at(-1);
    return `${tmdb[1]}w${fit}${tmdb[3]}`;
  }
  return url;
}
