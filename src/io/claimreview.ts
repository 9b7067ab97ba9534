// Check results as schema.org ClaimReview JSON-LD (https://schema.org/ClaimReview), the markup
// fact-checkers publish so search engines and aggregators can find their verdicts. Only claims
// the record decides (supported or contradicted) get a review: "unverifiable" means the record
// says nothing either way, which is no rating of the claim.

/** The part of the check result (CONTRACT.md, "Check result") a review is built from. */
export interface CheckedClaim {
  text: string;
  verdict: 'supported' | 'contradicted' | 'unverifiable';
  explanation: string;
  evidence: { kind: string; id: string; title?: string; sources: string[] }[];
}

export interface ClaimReviewOptions {
  /** The page that publishes the reviews; each review gets an anchor on it. */
  url: string;
  /** YYYY-MM-DD. */
  datePublished: string;
  author?: { name: string; url?: string };
  /** Who made the claims and where they appeared, when known. */
  claimAuthor?: { name: string; type: 'Person' | 'Organization' };
  claimAppearance?: string;
}

const RATINGS = {
  supported: { ratingValue: 2, alternateName: 'Supported by the record' },
  contradicted: { ratingValue: 1, alternateName: 'Contradicted by the record' },
} as const;

export function renderClaimReview(result: { claims: readonly CheckedClaim[] }, options: ClaimReviewOptions): Record<string, unknown>[] {
  const author = options.author ?? { name: 'Pactwatch' };
  return result.claims.flatMap((claim, index) => {
    if (claim.verdict === 'unverifiable') return [];
    const citations = [...new Set(claim.evidence.flatMap((e) => e.sources))];
    return [
      {
        '@context': 'https://schema.org',
        '@type': 'ClaimReview',
        url: `${options.url}#claim-${index + 1}`,
        datePublished: options.datePublished,
        author: { '@type': 'Organization', ...author },
        claimReviewed: claim.text,
        reviewBody: claim.explanation,
        reviewRating: { '@type': 'Rating', ...RATINGS[claim.verdict], bestRating: 2, worstRating: 1 },
        itemReviewed: {
          '@type': 'Claim',
          ...(options.claimAuthor && { author: { '@type': options.claimAuthor.type, name: options.claimAuthor.name } }),
          ...(options.claimAppearance && { appearance: { '@type': 'CreativeWork', url: options.claimAppearance } }),
        },
        citation: citations.map((url) => ({ '@type': 'CreativeWork', url })),
      },
    ];
  });
}
