// Kept for imports from before the shared module existed.
export { TierBadge, tierText } from '../shared/tier.tsx';
